package com.agencyhub.strategy;

import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.strategy.StrategyContent.Task;
import org.springframework.http.HttpStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a draft needs before it may be approved. Content pillars above 100 % need no check here: no content that
 * breaks {@link ContentRules} is ever stored.
 */
final class ApprovalCheck {

    private ApprovalCheck() {
    }

    record Missing(String requirement, String reason) {
    }

    static List<Missing> missing(StrategyContent content) {
        List<Missing> missing = new ArrayList<>();
        if (content.goals().isEmpty()) {
            missing.add(new Missing("goals", "needs at least one goal"));
        }
        if (content.channelPlan().isEmpty()) {
            missing.add(new Missing("channel-plan", "needs at least one channel plan row"));
        }
        if (content.monitoring().coverageWindows().isEmpty()) {
            missing.add(new Missing("coverage-windows", "needs coverage windows for monitoring"));
        }
        var monitoring = content.responsibilities().stream().filter(r -> r.task() == Task.MONITORING).findFirst();
        if (monitoring.map(r -> r.responsibleMemberIds().isEmpty()).orElse(true)) {
            missing.add(new Missing("monitoring-responsible", "needs a responsible member for monitoring"));
        }
        if (monitoring.map(r -> r.deputyMemberIds().isEmpty()).orElse(true)) {
            missing.add(new Missing("monitoring-deputy", "needs a deputy for monitoring"));
        }
        return missing;
    }

    static ApiProblem incomplete(List<Missing> missing) {
        return new ApiProblem(HttpStatus.CONFLICT, "strategy-incomplete", "Strategy incomplete",
                "The strategy cannot be approved yet: " + missing.size() + " requirement"
                        + (missing.size() == 1 ? " is" : "s are") + " missing.", List.of())
                .with("requirements", missing.stream().map(item -> Map.<String, Object>of(
                        "requirement", item.requirement(), "done", false, "reason", item.reason())).toList());
    }
}
