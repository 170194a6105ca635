package com.agencyhub.members;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.web.ApiProblem;

import java.util.Set;

/**
 * What a client user is given in an agency: the brands they see and, of those, the brands whose posts they may
 * approve. Approving a brand one cannot see is refused rather than widened.
 */
public record ClientBrandScope(Set<BrandId> brands, Set<BrandId> approvals) {

    public static final ClientBrandScope NONE = new ClientBrandScope(Set.of(), Set.of());

    public ClientBrandScope {
        brands = Set.copyOf(brands);
        approvals = Set.copyOf(approvals);
        if (!brands.containsAll(approvals)) {
            throw ApiProblem.invalidField("approverBrandIds", "must be a subset of brandIds", "not-in-brand-scope");
        }
    }

    public boolean mayApprove(BrandId brand) {
        return approvals.contains(brand);
    }
}
