package io.holdfast.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.kernel.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The tables of rules (docs/cases.md for a case, docs/sanctions.md for a list) name exactly the
 * policies the aggregates enforce, by the names refusals carry.
 */
class PolicyTablesTest {

    private static final Pattern FIRST_CELL =
            Pattern.compile("^\\| (`[a-zA-Z]+`(?:, `[a-zA-Z]+`)*) \\|", Pattern.MULTILINE);

    @Test
    void theTablesOfRulesNameEveryPolicyAndNothingElse() throws IOException {
        String readme = Files.readString(Path.of("../docs/cases.md")) + "\n"
                + Files.readString(Path.of("../docs/sanctions.md"));
        Set<String> inTables = new TreeSet<>();
        for (String table : policyTables(readme)) {
            Matcher row = FIRST_CELL.matcher(table);
            while (row.find()) {
                Arrays.stream(row.group(1).split(", "))
                        .map(cell -> cell.replace("`", ""))
                        .forEach(inTables::add);
            }
        }
        Set<String> policies =
                Arrays.stream(Policy.values()).map(Policy::id).collect(Collectors.toCollection(TreeSet::new));

        assertThat(inTables).isEqualTo(policies);
        assertThat(Policy.APPROVER_MUST_NOT_BE_REQUESTER.id()).isEqualTo("approverMustNotBeRequester");
        assertThat(Policy.A_VERSION_NAMES_AT_LEAST_ONE_ENTRY.id()).isEqualTo("aVersionNamesAtLeastOneEntry");
    }

    /** Each table whose header's first cell is "policy", from its header to the blank line after it. */
    private static List<String> policyTables(String readme) {
        return Pattern.compile("(?m)^\\| policy[^\\n]*\\n(?:\\|[^\\n]*\\n)+")
                .matcher(readme)
                .results()
                .map(match -> match.group())
                .toList();
    }
}
