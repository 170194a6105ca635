package com.agencyhub.calendar;

import com.agencyhub.guidelines.ApprovalMode;
import com.agencyhub.calendar.PostWorkflow.Reviewer;
import com.agencyhub.calendar.PostWorkflow.State;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PostWorkflowTest {

    private static final State DRAFT = new State(PostStatus.DRAFT, null);
    private static final State INTERNAL_REVIEW = new State(PostStatus.IN_REVIEW, ReviewStage.INTERNAL);
    private static final State CLIENT_REVIEW = new State(PostStatus.IN_REVIEW, ReviewStage.CLIENT);
    private static final State APPROVED = new State(PostStatus.APPROVED, null);

    @Test
    void aPostGoesFromDraftThroughReviewToScheduled() {
        State submitted = next(DRAFT, PostAction.SUBMIT, ApprovalMode.INTERNAL, Reviewer.STAFF).orElseThrow();
        assertThat(submitted).isEqualTo(INTERNAL_REVIEW);
        State approved = next(submitted, PostAction.APPROVE, ApprovalMode.INTERNAL, Reviewer.STAFF).orElseThrow();
        assertThat(approved).isEqualTo(APPROVED);
        assertThat(next(approved, PostAction.SCHEDULE, ApprovalMode.INTERNAL, Reviewer.STAFF))
                .contains(new State(PostStatus.SCHEDULED, null));
    }

    @Test
    void theApprovalModeDecidesWhoApproves() {
        assertThat(next(DRAFT, PostAction.SUBMIT, ApprovalMode.NONE, Reviewer.STAFF)).contains(APPROVED);
        assertThat(next(INTERNAL_REVIEW, PostAction.APPROVE, ApprovalMode.INTERNAL_THEN_CLIENT, Reviewer.STAFF))
                .contains(CLIENT_REVIEW);
        assertThat(next(CLIENT_REVIEW, PostAction.APPROVE, ApprovalMode.INTERNAL_THEN_CLIENT, Reviewer.STAFF))
                .isEmpty();
        assertThat(next(CLIENT_REVIEW, PostAction.APPROVE, ApprovalMode.INTERNAL_THEN_CLIENT, Reviewer.CLIENT))
                .contains(APPROVED);
        assertThat(next(CLIENT_REVIEW, PostAction.REQUEST_CHANGES, ApprovalMode.INTERNAL_THEN_CLIENT,
                Reviewer.CLIENT)).contains(new State(PostStatus.CHANGES_REQUESTED, null));
        assertThat(next(INTERNAL_REVIEW, PostAction.APPROVE, ApprovalMode.INTERNAL_THEN_CLIENT, Reviewer.CLIENT))
                .isEmpty();
    }

    @Test
    void nobodyApprovesWhatIsAssignedToThemButTheyMayStillAskForChanges() {
        assertThat(next(INTERNAL_REVIEW, PostAction.APPROVE, ApprovalMode.INTERNAL, Reviewer.STAFF_ASSIGNED_AUTHOR))
                .isEmpty();
        assertThat(next(INTERNAL_REVIEW, PostAction.REJECT, ApprovalMode.INTERNAL, Reviewer.STAFF_ASSIGNED_AUTHOR))
                .isEmpty();
        assertThat(PostWorkflow.allowed(INTERNAL_REVIEW, ApprovalMode.INTERNAL, Reviewer.STAFF_ASSIGNED_AUTHOR))
                .containsExactly(PostAction.REQUEST_CHANGES, PostAction.HOLD, PostAction.CANCEL);
    }

    @Test
    void finalStatesAllowNothingAndHoldResumesAsDraft() {
        for (PostStatus last : new PostStatus[] {PostStatus.PUBLISHED, PostStatus.CANCELLED}) {
            for (Reviewer reviewer : Reviewer.values()) {
                assertThat(PostWorkflow.allowed(new State(last, null), ApprovalMode.INTERNAL, reviewer)).isEmpty();
            }
        }
        State held = next(APPROVED, PostAction.HOLD, ApprovalMode.INTERNAL, Reviewer.STAFF).orElseThrow();
        assertThat(PostWorkflow.allowed(held, ApprovalMode.INTERNAL, Reviewer.STAFF))
                .containsExactly(PostAction.RESUME, PostAction.CANCEL);
        assertThat(next(held, PostAction.RESUME, ApprovalMode.INTERNAL, Reviewer.STAFF)).contains(DRAFT);
    }

    @Test
    void changedContentNeedsApprovalAgain() {
        assertThat(PostWorkflow.afterContentChange(APPROVED, ApprovalMode.INTERNAL)).isEqualTo(INTERNAL_REVIEW);
        assertThat(PostWorkflow.afterContentChange(new State(PostStatus.SCHEDULED, null), ApprovalMode.INTERNAL))
                .isEqualTo(INTERNAL_REVIEW);
        assertThat(PostWorkflow.afterContentChange(CLIENT_REVIEW, ApprovalMode.INTERNAL_THEN_CLIENT))
                .isEqualTo(INTERNAL_REVIEW);
        assertThat(PostWorkflow.afterContentChange(DRAFT, ApprovalMode.INTERNAL)).isEqualTo(DRAFT);
        assertThat(PostWorkflow.afterContentChange(APPROVED, ApprovalMode.NONE)).isEqualTo(APPROVED);
    }

    @Test
    void noActionLeavesAFinalStateAndClientsOnlyMovePostsWaitingForThem() {
        for (PostStatus status : PostStatus.values()) {
            for (ReviewStage stage : status == PostStatus.IN_REVIEW ? ReviewStage.values() : new ReviewStage[] {null}) {
                State current = new State(status, stage);
                for (ApprovalMode mode : ApprovalMode.values()) {
                    for (PostAction action : PostAction.values()) {
                        // building a State checks the stage rule: a stage exactly while in review
                        Optional<State> byStaff = next(current, action, mode, Reviewer.STAFF);
                        Optional<State> byClient = next(current, action, mode, Reviewer.CLIENT);
                        if (status.isFinal()) {
                            assertThat(byStaff).as("%s from %s", action, current).isEmpty();
                        }
                        if (!current.equals(CLIENT_REVIEW)) {
                            assertThat(byClient).as("client %s from %s", action, current).isEmpty();
                        }
                    }
                }
            }
        }
    }

    private static Optional<State> next(State current, PostAction action, ApprovalMode mode, Reviewer reviewer) {
        return PostWorkflow.next(current, action, mode, reviewer);
    }
}
