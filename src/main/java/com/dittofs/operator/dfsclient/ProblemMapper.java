package com.dittofs.operator.dfsclient;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Turns every dfs error response (problem+json or plain text) into a {@link DfsApiException}. */
final class ProblemMapper implements ResponseExceptionMapper<DfsApiException> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DETAIL = 2000;

    @Override
    public DfsApiException toThrowable(Response response) {
        int status = response.getStatus();
        String reason = response.getStatusInfo().getReasonPhrase();
        String body = body(response);
        MediaType type = response.getMediaType();
        boolean json = type != null && type.getSubtype().endsWith("json");
        if (json && !body.isBlank()) {
            try {
                JsonNode node = JSON.readTree(body);
                if (node != null && node.isObject()) {
                    return DfsApiException.http(status, node.path("title").asText(reason),
                            node.path("detail").asText(""), "problem+json".equals(type.getSubtype()));
                }
            } catch (Exception e) {
                // not JSON after all: keep the raw text as the detail
            }
        }
        return DfsApiException.http(status, reason, truncate(body.strip()), false);
    }

    private static String body(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String truncate(String text) {
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "…";
    }
}
