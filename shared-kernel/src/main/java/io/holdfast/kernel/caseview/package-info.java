/** Queries about freeze cases and the views they answer with. */
package io.holdfast.kernel.caseview;
