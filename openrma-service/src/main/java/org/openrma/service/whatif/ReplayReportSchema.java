package org.openrma.service.whatif;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.List;

/**
 * The draft replay's JSON answer as the document describes it: openrma-whatif's replay.json
 * (written by {@code ReplayJson}, which this mirrors field by field), so generated clients read a
 * typed report instead of a free object.
 */
public final class ReplayReportSchema {

    private ReplayReportSchema() {}

    private static final String REF = "#/components/schemas/";
    private static final List<String> MEASURES = List.of("refund", "fees", "reimbursed_shipping", "pending_refund");

    public static void describe(OpenAPI openApi) {
        var schemas = openApi.getComponents().getSchemas();
        schemas.put("ReplaySide", new ObjectSchema().description("One policy side of the replay")
                .addProperty("source", new StringSchema())
                .addProperty("policy", new StringSchema())
                .addProperty("version_chosen_by", new StringSchema()._enum(List.of("order date", "file")))
                .addProperty("claims_by_version", new ObjectSchema().additionalProperties(new IntegerSchema().format("int64"))
                        .description("policy version → claims it decided"))
                .required(List.of("source", "policy", "version_chosen_by", "claims_by_version")));
        ObjectSchema measures = new ObjectSchema();
        MEASURES.forEach(m -> measures.addProperty(m, new StringSchema().pattern("^[+-]?[0-9]+(\\.[0-9]+)?$")));
        schemas.put("ReplayMoney", measures.description("Amounts per measure (refund, fees, reimbursed_shipping, pending_refund), decimal strings"));
        schemas.put("ReplaySlice", new ObjectSchema().description("Money of a slice of the claims, in one currency: baseline, candidate, "
                        + "and candidate minus baseline. A slice by program, reason, month or country names its group in that property.")
                .addProperty("program", nullableString()).addProperty("reason", nullableString())
                .addProperty("month", nullableString()).addProperty("country", nullableString())
                .addProperty("currency", new StringSchema().example("USD"))
                .addProperty("claims", new IntegerSchema().format("int64"))
                .addProperty("outcome_changed", new IntegerSchema().format("int64"))
                .addProperty("baseline", ref("ReplayMoney")).addProperty("candidate", ref("ReplayMoney"))
                .addProperty("difference", ref("ReplayMoney"))
                .required(List.of("currency", "claims", "outcome_changed", "baseline", "candidate", "difference")));
        ObjectSchema outcomes = new ObjectSchema();
        outcomes.title("ReplayOutcomeCounts").additionalProperties(new IntegerSchema().format("int64")).description("outcome → claims");
        ObjectSchema measureMeanings = new ObjectSchema();
        MEASURES.forEach(m -> measureMeanings.addProperty(m, new StringSchema()));
        schemas.put("ReplayReport", new ObjectSchema().description("The replay report (openrma-whatif's replay.json): what the draft "
                        + "would decide differently from the policy in force, over the merchant's stored claims")
                .addProperty("baseline", ref("ReplaySide")).addProperty("candidate", ref("ReplaySide"))
                .addProperty("input", new ObjectSchema().title("ReplayInput").addProperty("file", nullableString()).addProperty("format", new StringSchema())
                        .addProperty("gzip", new BooleanSchema()))
                .addProperty("counts", new ObjectSchema().title("ReplayCounts").addProperty("records", count()).addProperty("decided", count())
                        .addProperty("malformed", count()).addProperty("failed", count()).addProperty("changed", count())
                        .addProperty("outcome_changed", count()))
                .addProperty("outcomes", new ObjectSchema().title("ReplayOutcomes").addProperty("baseline", outcomes).addProperty("candidate", outcomes))
                .addProperty("transitions", new ArraySchema().items(new ObjectSchema().title("ReplayTransition")
                        .addProperty("from", ref("Outcome")).addProperty("to", ref("Outcome"))
                        .addProperty("count", count()).addProperty("share", new NumberSchema().description("of the decided claims, 0 to 1"))))
                .addProperty("money", new ObjectSchema().title("ReplayMoneyReport")
                        .addProperty("measures", measureMeanings.title("ReplayMeasures").description("what each measure means"))
                        .addProperty("total", slices()).addProperty("by_program", slices()).addProperty("by_reason", slices())
                        .addProperty("by_month", slices()).addProperty("by_country", slices()))
                .addProperty("segments", new ArraySchema().items(new ObjectSchema().title("ReplaySegment")
                        .addProperty("kind", new StringSchema()).addProperty("reason", new StringSchema())
                        .addProperty("days_since_delivery", new StringSchema())
                        .addProperty("claims", count()).addProperty("outcome_changed", count())
                        .addProperty("transitions", new ObjectSchema().additionalProperties(count())
                                .description("\"<from> -> <to>\" → claims, for outcomes that changed"))))
                .addProperty("top_changes", new ArraySchema().items(new ObjectSchema().title("ReplayTopChange")
                        .addProperty("rank", count()).addProperty("line", count()).addProperty("order", new StringSchema())
                        .addProperty("kind", new StringSchema()).addProperty("reason", new StringSchema())
                        .addProperty("currency", new StringSchema())
                        .addProperty("refund_difference", new StringSchema().pattern("^[+-]?[0-9]+(\\.[0-9]+)?$"))
                        .addProperty("outcome", new StringSchema().example("approved -> rejected"))
                        .addProperty("baseline", ref("Decision")).addProperty("candidate", ref("Decision"))))
                .addProperty("problems", new ObjectSchema().title("ReplayProblems").addProperty("malformed", count()).addProperty("failed", count())
                        .addProperty("listed_at_most", count())
                        .addProperty("first", new ArraySchema().items(new ObjectSchema().title("ReplayProblem").addProperty("line", count())
                                .addProperty("kind", new StringSchema()._enum(List.of("malformed", "failed")))
                                .addProperty("problem", new StringSchema()))))
                .required(List.of("baseline", "candidate", "counts", "outcomes", "transitions", "money", "segments", "top_changes", "problems")));

        var op = openApi.getPaths().get("/api/v1/policies/drafts/replay").getPost();
        op.getResponses().get("200").getContent().get("application/json").setSchema(ref("ReplayReport"));
    }

    private static Schema<?> ref(String name) {
        return new Schema<>().$ref(REF + name);
    }

    private static Schema<?> nullableString() {
        Schema<?> s = new StringSchema();
        s.setTypes(new java.util.LinkedHashSet<>(List.of("string", "null")));
        return s;
    }

    private static Schema<?> count() {
        return new IntegerSchema().format("int64");
    }

    private static Schema<?> slices() {
        return new ArraySchema().items(ref("ReplaySlice"));
    }
}
