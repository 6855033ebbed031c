package org.chart2claim.assessment;

import java.util.List;

/** Why a question (or, with a null {@code questionId}, a whole file) of the bank did not load. */
public record QuestionProblem(String fileName, String questionId, List<String> reasons) {
    public QuestionProblem {
        reasons = List.copyOf(reasons);
    }

    @Override
    public String toString() {
        return fileName + (questionId == null ? "" : " [" + questionId + "]") + ": " + String.join("; ", reasons);
    }
}
