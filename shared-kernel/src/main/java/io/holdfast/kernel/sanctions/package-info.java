/**
 * Sanctions lists and screening: the versions of a list Holdfast was given (each with its
 * publication date, digest and difference to the version before), the designated wallet
 * addresses they name, and the rules by which an address is compared on its chain.
 */
package io.holdfast.kernel.sanctions;
