using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DisclosureCases.Api;

/// <summary>The OpenAPI document's title, description and the API-key security scheme every operation requires.</summary>
public sealed class PartnerApiDocument : IOpenApiDocumentTransformer
{
    public const string SchemeName = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "依申请公开办理系统 · 行政复议数据交换接口 / DisclosureCases reconsideration data exchange",
            Version = "v1",
            Description = "供行政复议机关的系统调取申请案卷和证据材料、通知受理的复议案件和送达复议决定。每个请求须带 X-Api-Key 请求头；"
                + "密钥由本机关管理员发放，限于本机关的案件，可随时吊销。所有调用均留痕。\n\n"
                + "For the reconsideration body's system: fetch an application's case file and evidence, notify an accepted "
                + "reconsideration case and post its decision. Every request carries the X-Api-Key header; keys are issued by "
                + "the agency's administrator, limited to its cases and revocable. Every call is recorded.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeys.HeaderName,
            Description = "合作系统的 API 密钥 / The partner's API key",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] }];
        return Task.CompletedTask;
    }
}
