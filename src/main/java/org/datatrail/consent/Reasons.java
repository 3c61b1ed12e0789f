package org.datatrail.consent;

import java.util.List;

import org.datatrail.consent.ChainFacts.ConsentFacts;
import org.datatrail.consent.ChainFacts.DisputeRef;
import org.datatrail.consent.Coverage.Shortfall;

/**
 * A shortfall of consent in words an investigator can quote, continuing "... for political campaigning, which ...".
 * A disputed account of what a notice permitted is given as one account, never as what the notice said.
 */
final class Reasons {

    private Reasons() {
    }

    /**
     * @param usedId the dataset the use was made of: when the shortfall is in a dataset it was made from, the reason
     *        says so
     */
    static String of(Shortfall s, String usedId) {
        String whose = s.dataset().id().equals(usedId) ? "" : ", given to the subjects of " + s.dataset().name() + " (from which the data was made),";
        List<ConsentFacts> versions = s.versions();
        boolean one = versions.size() == 1;
        return switch (s.kind()) {
            case NO_CONSENT -> s.dataset().id().equals(usedId) ? "no consent or privacy notice recorded for that data covers"
                    : "nothing covers for " + s.dataset().name() + ", from which the data was made: no consent or privacy notice is recorded for it";
            case NOT_PERMITTED -> disputedScope(versions)
                    .map(d -> Coverage.titles(versions) + whose + (one ? " is" : " are") + " not shown to cover: what " + (one ? "it" : "they")
                            + " permitted is disputed (" + d.subject() + "), and by one account " + (one ? "it" : "they") + " covered only "
                            + ConsentRule.coversList(versions))
                    .orElse(Coverage.titles(versions) + whose + (one ? " does" : " do") + " not cover (covered: " + ConsentRule.coversList(versions) + ")");
            case DISPUTED_SCOPE -> Coverage.titles(versions) + whose + (one ? " covers" : " cover") + " only by one account of what "
                    + (one ? "it" : "they") + " permitted, which is disputed (" + disputedScope(versions).map(DisputeRef::subject).orElse("") + ")";
            case VERSIONS_DIFFER -> "not every version of the notice" + whose + " that may have applied when the data was collected covers it ("
                    + Coverage.titles(s.notCovering()) + (s.notCovering().size() == 1 ? " does" : " do") + " not)";
            case NO_VERSION_IN_FORCE -> "no version of " + Coverage.titles(versions).replace(" and ", " or ") + whose
                    + " is known to have been in force when the data was collected";
        };
    }

    private static java.util.Optional<DisputeRef> disputedScope(List<ConsentFacts> versions) {
        return versions.stream().flatMap(v -> v.disputes().stream()).filter(d -> d.field().equals("permittedPurposes")).findFirst();
    }
}
