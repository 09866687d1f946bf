package io.shieldfab.recipe.rest;

import io.shieldfab.recipe.process.ProcessRuleException;
import io.shieldfab.support.problem.Problem;
import io.shieldfab.support.problem.ProblemMapper;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A broken process rule of the claims: 422 naming the rule and the claim (docs/recipe.md). The rules' own package
 * stays free of web types, so this one mapping lives here and answers through service-support's
 * {@link ProblemMapper}; every other failure of this service is mapped there.
 */
public class ProcessRuleProblems {

    @ServerExceptionMapper
    public Response mapRule(ProcessRuleException e, UriInfo uri) {
        return ProblemMapper.response(Problem.rule(422, e.rule().code(), e.getMessage()), uri);
    }
}
