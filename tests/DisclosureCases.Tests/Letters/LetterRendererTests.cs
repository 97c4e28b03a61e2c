using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using DisclosureCases.Letters;
using static DisclosureCases.Tests.Letters.Letters;

namespace DisclosureCases.Tests.Letters;

public class LetterRendererTests
{
    const string Recital = "本机关于2026年11月2日收到您要求获取“2025年本区某地块国有建设用地使用权出让合同”的政府信息公开申请。";
    const string Remedies = "您如对本答复不服，可以在收到本答复之日起60日内向上海市静安区人民政府申请行政复议，或者在收到本答复之日起6个月内向上海市静安区人民法院提起行政诉讼。";

    static RenderedLetter ThirdPartyReply(LetterData? data = null) =>
        LetterRenderer.Render(Template("reply-withhold-third-party"), data ?? ThirdPartyRefusal());

    static string DocxText(byte[] docx)
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Join("\n", word.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText));
    }

    [Fact]
    public void A_reply_carries_the_recital_and_the_remedies_clause_with_the_agencys_review_body_and_court()
    {
        var text = ThirdPartyReply().Document.PlainText;
        text.ShouldContain(Recital);
        text.ShouldContain(Remedies);
    }

    [Fact]
    public void A_slot_value_with_markup_is_escaped_in_the_html()
    {
        var html = ThirdPartyReply(ThirdPartyRefusal("<script>alert('x')</script> & 第三方")).Html;
        html.ShouldNotContain("<script>");
        html.ShouldContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; 第三方");
    }

    [Fact]
    public void An_applicant_name_with_markup_is_escaped_in_the_html_and_kept_verbatim_in_the_docx()
    {
        var data = ThirdPartyRefusal() with { Applicant = new ApplicantFacts { Name = "<img src=x onerror=alert(1)>" } };
        var letter = ThirdPartyReply(data);
        letter.Html.ShouldNotContain("<img");
        letter.Html.ShouldContain("&lt;img src=x onerror=alert(1)&gt;：");
        DocxText(letter.Docx()).ShouldContain("<img src=x onerror=alert(1)>：");
    }

    [Fact]
    public void A_slot_value_cannot_forge_a_paragraph_or_a_placeholder()
    {
        var forged = "</p><p k=\"seal\">假印章\uE000假提示\uE001";
        var letter = ThirdPartyReply(ThirdPartyRefusal(forged));
        letter.Document.Of(LetterElements.Seal).Select(p => p.Text).ShouldBe(["上海市静安区规划和自然资源局"]);
        letter.Document.Of(LetterElements.Reasons).Single().Text.ShouldBe("理由如下：</p><p k=\"seal\">假印章假提示");
    }

    [Fact]
    public void Each_line_of_a_multi_line_slot_becomes_a_paragraph_of_its_element()
    {
        var letter = ThirdPartyReply(ThirdPartyRefusal("一、该合同载有受让人的商业秘密。\r\n\r\n二、受让人书面表示不同意公开。"));
        letter.Document.Of(LetterElements.Reasons).Select(p => p.Text)
            .ShouldBe(["理由如下：一、该合同载有受让人的商业秘密。", "二、受让人书面表示不同意公开。"]);
    }

    [Fact]
    public void An_empty_slot_shows_its_label_as_a_placeholder()
    {
        var letter = ThirdPartyReply(SampleData("withhold-third-party"));
        letter.Document.Of(LetterElements.Reasons).Single().Text.ShouldBe("理由如下：【不予公开的理由（涉及的第三方合法权益，征求第三方意见的情况）】");
        letter.Html.ShouldContain("<span class=\"placeholder\">【不予公开的理由（涉及的第三方合法权益，征求第三方意见的情况）】</span>");
    }

    [Fact]
    public void The_review_body_of_a_vertical_agency_is_its_superior_department_not_the_district_government()
    {
        var vertical = new AgencySettings
        {
            Name = "国家税务总局上海市静安区税务局",
            SealText = "国家税务总局上海市静安区税务局",
            ReviewBody = "国家税务总局上海市税务局",
            Court = "上海市静安区人民法院",
            IsVertical = true,
        };
        var district = ThirdPartyReply().Document.Of(LetterElements.Remedies).Single().Text;
        var verticalText = ThirdPartyReply(ThirdPartyRefusal() with { Agency = vertical }).Document.Of(LetterElements.Remedies).Single().Text;
        district.ShouldContain("向上海市静安区人民政府申请行政复议");
        verticalText.ShouldContain("向国家税务总局上海市税务局申请行政复议");
        verticalText.ShouldNotContain("人民政府");
    }

    [Fact]
    public void A_letter_rendered_again_from_its_stored_json_is_byte_identical()
    {
        var first = ThirdPartyReply();
        var storedJson = first.Merged.DataJson;
        var stored = new MergedLetter(first.Merged.TemplateId, first.Merged.TemplateVersion, first.Merged.TemplateHash, new string(storedJson.AsSpan()));

        var again = new LetterRenderer(Library).Render(stored);

        again.HtmlBytes().ShouldBe(first.HtmlBytes());
        again.Docx().ShouldBe(first.Docx());
        again.Merged.DataJson.ShouldBe(storedJson);
    }

    [Fact]
    public void The_stored_data_is_canonical_json_that_reads_back_to_the_same_json()
    {
        var json = ThirdPartyRefusal().ToJson();
        json.ShouldContain("\"receivedOn\":\"2026-11-02\"");
        json.ShouldContain("\"slots\":{\"reasons\":");
        LetterData.FromJson(json).ToJson().ShouldBe(json);
    }

    [Fact]
    public void The_docx_has_fixed_entry_times_and_relationship_ids_so_equal_letters_give_equal_files()
    {
        using var zip = new ZipArchive(new MemoryStream(ThirdPartyReply().Docx()));
        zip.Entries[0].FullName.ShouldBe("[Content_Types].xml");
        zip.Entries.ShouldAllBe(e => e.LastWriteTime.Year == 1980);
        zip.Entries.Select(e => e.FullName).ShouldNotContain("docProps/core.xml");
        using var rels = new StreamReader(zip.GetEntry("_rels/.rels")!.Open());
        rels.ReadToEnd().ShouldContain("Id=\"rId1\"");
    }

    [Fact]
    public void The_html_is_a_self_contained_A4_page_with_the_letter_layout()
    {
        var html = ThirdPartyReply().Html;
        html.ShouldContain("@page { size: A4; margin: 37mm 26mm 35mm 28mm; }");
        html.ShouldContain("font-family: \"FangSong\", \"STFangsong\", \"仿宋\", \"Noto Serif CJK SC\", serif");
        html.ShouldContain("<p class=\"el-title title\">政府信息公开申请答复书</p>");
        html.ShouldContain("<p class=\"el-seal right\">上海市静安区规划和自然资源局</p>");
        html.ShouldContain("<p class=\"el-dateline right\">2026年11月30日</p>");
        html.ShouldNotContain("<link");
        html.ShouldNotContain("<script");
        html.ShouldNotContain("http");
        html.ShouldNotContain("url(");
    }

    [Fact]
    public void The_docx_opens_and_holds_the_recital_and_the_remedies_clause()
    {
        var text = DocxText(ThirdPartyReply().Docx());
        text.ShouldContain(Recital);
        text.ShouldContain(Remedies);
    }

    [Fact]
    public void The_docx_centres_the_title_and_right_aligns_seal_and_date()
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(ThirdPartyReply().Docx()), false);
        var paragraphs = word.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();
        JustificationValues? Alignment(string text) => paragraphs.Single(p => p.InnerText == text).ParagraphProperties?.Justification?.Val?.Value;
        Alignment("政府信息公开申请答复书").ShouldBe(JustificationValues.Center);
        paragraphs.First(p => p.InnerText == "上海市静安区规划和自然资源局").ParagraphProperties!.Justification!.Val!.Value.ShouldBe(JustificationValues.Center); // the heading
        paragraphs.Last(p => p.InnerText == "上海市静安区规划和自然资源局").ParagraphProperties!.Justification!.Val!.Value.ShouldBe(JustificationValues.Right);
        Alignment("2026年11月30日").ShouldBe(JustificationValues.Right);
        var page = word.MainDocumentPart.Document.Body.GetFirstChild<SectionProperties>()!.GetFirstChild<PageSize>()!;
        (page.Width!.Value, page.Height!.Value).ShouldBe((11906U, 16838U)); // A4 in twentieths of a point
    }

    [Fact]
    public void The_docx_is_valid_open_xml()
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(ThirdPartyReply(SampleData("withhold-third-party")).Docx()), false);
        new OpenXmlValidator().Validate(word).Select(e => e.Description).ShouldBeEmpty();
    }

    [Fact]
    public void The_no_further_processing_notice_cites_the_article_of_the_outcome_it_answers()
    {
        var template = Template("no-further-processing");
        var noCorrection = LetterRenderer.Render(template, SampleData("other-no-correction")).Document;
        var unpaid = LetterRenderer.Render(template, SampleData("other-unpaid-fee")).Document;
        noCorrection.Of(LetterElements.Basis).Single().Text.ShouldContain("第三十条");
        noCorrection.PlainText.ShouldNotContain("信息处理费");
        unpaid.Of(LetterElements.Basis).Single().Text.ShouldContain("第四十二条");
        unpaid.Of(LetterElements.Decision).Single().Text.ShouldContain("缴费期限至2026年12月10日");
    }

    [Fact]
    public void An_organisation_is_addressed_as_ni_danwei()
    {
        var data = ThirdPartyRefusal() with { Applicant = new ApplicantFacts { Name = "上海某某律师事务所", IsOrganization = true } };
        ThirdPartyReply(data).Document.Of(LetterElements.Recital).Single().Text.ShouldStartWith("本机关于2026年11月2日收到你单位要求获取");
    }

    [Fact]
    public void Dates_are_printed_without_leading_zeros() =>
        LetterRenderer.ChineseDate(new DateOnly(2027, 1, 5)).ShouldBe("2027年1月5日");

    [Fact]
    public void A_stored_letter_is_not_rendered_with_a_changed_template()
    {
        var merged = ThirdPartyReply().Merged;
        var template = Template("reply-withhold-third-party");
        var edited = LetterTemplate.Parse(template.Content.Replace("理由如下：", "理由："), template.Id, template.SourceName);
        Should.Throw<InvalidOperationException>(() => LetterRenderer.Render(edited, merged)).Message.ShouldStartWith("letter was merged from reply-withhold-third-party v1");
    }

    [Fact]
    public void An_older_template_version_from_storage_renders_the_letters_made_from_it()
    {
        var current = Template("reply-withhold-third-party");
        var old = new TemplateVersion(current.Id, 1, current.Hash, current.Content, TemplateApproval.Approved, "clerk", DateTimeOffset.UnixEpoch);
        var merged = ThirdPartyReply().Merged;
        new LetterRenderer(new TemplateVersionSource([old])).Render(merged).HtmlBytes().ShouldBe(ThirdPartyReply().HtmlBytes());
    }

    [Fact]
    public void A_merged_field_printed_in_html_is_never_double_escaped()
    {
        var data = ThirdPartyRefusal() with { Case = ThirdPartyRefusal().Case with { Request = "A&B“合同”" } };
        ThirdPartyReply(data).Html.ShouldContain("要求获取“A&amp;B“合同””的政府信息公开申请");
        Encoding.UTF8.GetString(ThirdPartyReply(data).HtmlBytes()).ShouldNotContain("&amp;amp;");
    }
}
