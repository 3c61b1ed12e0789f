package org.datatrail.dataset;

import java.util.List;

/**
 * One data category of a dataset and the dataset's subject groups it is about, as the facts pair them (the
 * {@code about} of the dataset's {@code HAS_CATEGORY} relationship). A category the facts do not pair has none: unknown.
 *
 * @param category the kind of data
 * @param subjectGroups the groups it is about, in the order the facts give them; never empty
 */
public record CategorySubjects(DataCategory category, List<String> subjectGroups) {
}
