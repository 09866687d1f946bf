package io.shieldfab.recipe.rest;

import io.shieldfab.recipe.process.ProcessRuleException;
import io.shieldfab.recipe.service.FillRefusedException;
import io.shieldfab.support.problem.Problem;
import io.shieldfab.support.problem.ProblemMapper;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A broken process rule of the claims, or a release refused by a failed fill: 422 naming the rule (and the claim,
 * for a process rule; docs/recipe.md). The rules' own package
 * stays free of web types, so this one mapping lives here and answers through service-support's
 * {@link ProblemMapper}; every other failure of this service is mapped there.
 */
public class ProcessRuleProblems {

    @ServerExceptionMapper
    public Response mapRule(ProcessRuleException e, UriInfo uri) {
        return ProblemMapper.response(Problem.rule(422, e.rule().code(), e.getMessage()), uri);
    }

    /** A release refused because the encapsulant would not fill: 422 naming the first failed fill rule. */
    @ServerExceptionMapper
    public Response mapFill(FillRefusedException e, UriInfo uri) {
        return ProblemMapper.response(Problem.rule(422, e.rule().code(), e.getMessage()), uri);
    }
}
