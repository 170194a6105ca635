package com.agencyhub.calendar;

import com.agencyhub.guidelines.ApprovalMode;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The workflow's rules in one place: which action the current state allows, for whom, and what state follows.
 * Pure: the caller loads the post and stores the outcome (docs/content-calendar.md shows the same graph).
 */
public final class PostWorkflow {

    /** Who acts: a staff member (and whether they may approve posts assigned to them), or a client user. */
    public enum Reviewer { STAFF, STAFF_ASSIGNED_AUTHOR, CLIENT }

    /** Where a post stands: its status, and while in review, whose turn it is. */
    public record State(PostStatus status, ReviewStage stage) {

        public State {
            if ((status == PostStatus.IN_REVIEW) != (stage != null)) {
                throw new IllegalArgumentException("a review stage belongs to posts in review only");
            }
        }

        static State of(PostStatus status) {
            return new State(status, null);
        }

        /** Whether a post in this state is the client's to see: at their review, or approved and beyond. */
        public boolean reachesClient() {
            return switch (status) {
                case IN_REVIEW -> stage == ReviewStage.CLIENT;
                case APPROVED, SCHEDULED, PUBLISHED -> true;
                default -> false;
            };
        }
    }

    private PostWorkflow() {
    }

    /** The state after the action, or empty when this reviewer may not take it now. */
    public static Optional<State> next(State current, PostAction action, ApprovalMode mode, Reviewer reviewer) {
        PostStatus status = current.status();
        if (reviewer == Reviewer.CLIENT) {
            return status == PostStatus.IN_REVIEW && current.stage() == ReviewStage.CLIENT
                    ? clientReview(action) : Optional.empty();
        }
        return switch (action) {
            case SUBMIT -> status == PostStatus.DRAFT || status == PostStatus.CHANGES_REQUESTED
                    ? Optional.of(mode == ApprovalMode.NONE ? State.of(PostStatus.APPROVED)
                    : new State(PostStatus.IN_REVIEW, ReviewStage.INTERNAL)) : Optional.empty();
            case APPROVE -> internalReview(current) && reviewer != Reviewer.STAFF_ASSIGNED_AUTHOR
                    ? Optional.of(mode == ApprovalMode.INTERNAL_THEN_CLIENT
                    ? new State(PostStatus.IN_REVIEW, ReviewStage.CLIENT) : State.of(PostStatus.APPROVED))
                    : Optional.empty();
            case REQUEST_CHANGES -> internalReview(current)
                    ? Optional.of(State.of(PostStatus.CHANGES_REQUESTED)) : Optional.empty();
            case REJECT -> internalReview(current) && reviewer != Reviewer.STAFF_ASSIGNED_AUTHOR
                    ? Optional.of(State.of(PostStatus.CANCELLED)) : Optional.empty();
            case HOLD -> !status.isFinal() && status != PostStatus.ON_HOLD
                    ? Optional.of(State.of(PostStatus.ON_HOLD)) : Optional.empty();
            case RESUME -> status == PostStatus.ON_HOLD ? Optional.of(State.of(PostStatus.DRAFT)) : Optional.empty();
            case SCHEDULE -> status == PostStatus.APPROVED
                    ? Optional.of(State.of(PostStatus.SCHEDULED)) : Optional.empty();
            case CANCEL -> !status.isFinal() ? Optional.of(State.of(PostStatus.CANCELLED)) : Optional.empty();
        };
    }

    /** The actions this reviewer may take now, for a refusal that tells what is possible. */
    public static List<PostAction> allowed(State current, ApprovalMode mode, Reviewer reviewer) {
        return Arrays.stream(PostAction.values())
                .filter(action -> next(current, action, mode, reviewer).isPresent())
                .toList();
    }

    /**
     * The state after the post's content changed: approvals given to the earlier content no longer count, so an
     * approved, scheduled or client-reviewed post goes back to the agency's review (unless the brand needs none).
     */
    public static State afterContentChange(State current, ApprovalMode mode) {
        return switch (current.status()) {
            case APPROVED, SCHEDULED, IN_REVIEW -> mode == ApprovalMode.NONE ? current
                    : new State(PostStatus.IN_REVIEW, ReviewStage.INTERNAL);
            default -> current;
        };
    }

    private static boolean internalReview(State current) {
        return current.status() == PostStatus.IN_REVIEW && current.stage() == ReviewStage.INTERNAL;
    }

    private static Optional<State> clientReview(PostAction action) {
        return switch (action) {
            case APPROVE -> Optional.of(State.of(PostStatus.APPROVED));
            case REQUEST_CHANGES -> Optional.of(State.of(PostStatus.CHANGES_REQUESTED));
            case REJECT -> Optional.of(State.of(PostStatus.CANCELLED));
            default -> Optional.empty();
        };
    }
}
