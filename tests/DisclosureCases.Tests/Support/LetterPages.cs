using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DisclosureCases.Data;
using DisclosureCases.Letters;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Tests.Support;

/// <summary>Drives the letter screens over HTTP the way the clerk and the reviewer post them.</summary>
public static partial class LetterPages
{
    /// <summary>The reasons of a refusal, as a clerk would type them.</summary>
    public const string ThirdPartyReasons = "该信息涉及第三方的商业秘密，经书面征求意见，第三方不同意公开且理由合理。";

    [GeneratedRegex(@"name=""LetterVersion"" value=""(\d*)""")]
    private static partial Regex LetterVersionPattern();

    [GeneratedRegex(@"name=""Version"" value=""(\d+)""")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"name=""Seen"" value=""([0-9a-f]*)""")]
    private static partial Regex SeenPattern();

    [GeneratedRegex(@"/Letters/Edit/(\d+)")]
    private static partial Regex EditUrl();

    [GeneratedRegex(@"/Letters/(\d+)$")]
    private static partial Regex LetterUrl();

    /// <summary>Posts the letter form (预览并保存 or 提交法制审核) of a case.</summary>
    public static async Task<HttpResponseMessage> PostLetterAsync(this HttpClient client, int caseId, int? letterId, string handler,
        string? outcome = null, Dictionary<string, string>? slots = null, Dictionary<string, string>? extra = null)
    {
        var url = letterId is null ? $"/Cases/{caseId}/Letters/Edit" : $"/Cases/{caseId}/Letters/Edit/{letterId}";
        var fields = new Dictionary<string, string>();
        if (letterId is not null)
        {
            var html = await client.GetStringAsync(url);
            fields["LetterVersion"] = LetterVersionPattern().Match(html).Groups[1].Value;
        }
        if (outcome is not null) fields["Outcome"] = outcome;
        foreach (var (name, value) in slots ?? []) fields[$"Slots[{name}]"] = value;
        foreach (var (name, value) in extra ?? []) fields[name] = value;
        var query = url.Contains('?') ? "&" : "?";
        return await client.PostFormAsync($"{url}{query}handler={handler}", fields, formPageUrl: $"/Cases/{caseId}");
    }

    /// <summary>Saves a new reply draft with an outcome and slot values; returns the letter's id.</summary>
    public static async Task<int> DraftReplyAsync(this HttpClient client, int caseId, string outcome, Dictionary<string, string>? slots = null)
    {
        var response = await client.PostLetterAsync(caseId, null, "Preview", outcome, slots);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return int.Parse(EditUrl().Match(response.Headers.Location!.ToString()).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Submits a saved letter for 法制审核 and insists it went (a redirect to the letter).</summary>
    public static async Task SubmitOkAsync(this HttpClient client, int caseId, int letterId, Dictionary<string, string>? slots = null, string? outcome = null)
    {
        var response = await client.PostLetterAsync(caseId, letterId, "Submit", outcome, slots);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, Refusal(await response.Content.ReadAsStringAsync()));
        response.Headers.Location!.ToString().ShouldBe($"/Letters/{letterId}");
    }

    /// <summary>Approves a letter in review from its page (成文日期 defaults to today).</summary>
    public static async Task<HttpResponseMessage> ApproveLetterAsync(this HttpClient client, int letterId, string? issuedOn = null, string? seen = null)
    {
        var html = await client.GetStringAsync($"/Letters/{letterId}");
        var fields = new Dictionary<string, string>
        {
            ["Version"] = VersionPattern().Match(html).Groups[1].Value,
            ["Seen"] = seen ?? SeenPattern().Match(html).Groups[1].Value,
            ["IssuedOn"] = issuedOn ?? CasePages.Today,
        };
        return await client.PostFormAsync($"/Letters/{letterId}?handler=Approve", fields, formPageUrl: $"/Letters/{letterId}");
    }

    public static async Task ApproveOkAsync(this HttpClient client, int letterId, string? issuedOn = null)
    {
        var response = await client.ApproveLetterAsync(letterId, issuedOn);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, Refusal(await response.Content.ReadAsStringAsync()));
    }

    public static async Task<HttpResponseMessage> ReturnLetterAsync(this HttpClient client, int letterId, string comment)
    {
        var html = await client.GetStringAsync($"/Letters/{letterId}");
        var fields = new Dictionary<string, string>
        {
            ["Version"] = VersionPattern().Match(html).Groups[1].Value,
            ["Comment"] = comment,
        };
        return await client.PostFormAsync($"/Letters/{letterId}?handler=Return", fields, formPageUrl: $"/Letters/{letterId}");
    }

    /// <summary>A registered case replied through the letter screens: drafted, submitted, approved. Returns the letter id.</summary>
    public static async Task<int> ReplyThroughLettersAsync(this HttpClient clerk, HttpClient reviewer, int caseId,
        string outcome = "disclose", Dictionary<string, string>? slots = null)
    {
        slots ??= outcome == "disclose" ? new() { ["provision"] = "现将该政府信息随本答复书一并提供。" } : new() { ["reasons"] = ThirdPartyReasons };
        var letterId = await clerk.DraftReplyAsync(caseId, outcome, slots);
        await clerk.SubmitOkAsync(caseId, letterId);
        await reviewer.ApproveOkAsync(letterId);
        return letterId;
    }

    public static async Task<Letter> LoadLetterAsync(this AppFactory factory, int id)
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        return await db.Letters.AsNoTracking().SingleAsync(l => l.Id == id);
    }

    [GeneratedRegex(@"<div class=""alert"" role=""alert"" id=""refusal"">([^<]*)</div>")]
    private static partial Regex RefusalPattern();

    public static string Refusal(string html) => RefusalPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : "(no refusal shown)";
}
