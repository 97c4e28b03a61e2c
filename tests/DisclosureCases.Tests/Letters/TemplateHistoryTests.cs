using DisclosureCases.Domain.DataFiles;
using DisclosureCases.Letters;
using static DisclosureCases.Tests.Letters.Letters;

namespace DisclosureCases.Tests.Letters;

public class TemplateHistoryTests
{
    static readonly DateTimeOffset At = new(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(8));
    static string V1 => Template("reply-withhold-process").Content;
    static string V2 => V1.Replace("version: 1", "version: 2").Replace("理由如下：", "不予公开的理由：");

    static TemplateHistory ApprovedV1()
    {
        var history = new TemplateHistory("reply-withhold-process", []);
        history.Propose(V1, "admin", At);
        history.Approve(1, "reviewer", At, []);
        return history;
    }

    [Fact]
    public void An_approved_version_becomes_current_and_records_its_hash()
    {
        var history = ApprovedV1();
        history.Current!.Version.ShouldBe(1);
        history.Current.Hash.ShouldBe(Template("reply-withhold-process").Hash);
        history.Current.Reviewer.ShouldBe("reviewer");
    }

    [Fact]
    public void A_proposal_is_not_used_until_approved()
    {
        var history = ApprovedV1();
        history.Propose(V2, "admin", At);
        history.Current!.Version.ShouldBe(1);
        history.Open!.Version.ShouldBe(2);
    }

    [Fact]
    public void A_proposal_must_carry_the_next_version_number_in_its_header() =>
        Should.Throw<TemplateVersionException>(() => ApprovedV1().Propose(V1.Replace("理由如下：", "理由："), "admin", At))
            .Message.ShouldBe("新版本的 version 应为 2（模板头部写的是 1）");

    [Fact]
    public void The_author_cannot_approve_their_own_version()
    {
        var history = ApprovedV1();
        history.Propose(V2, "admin", At);
        Should.Throw<TemplateVersionException>(() => history.Approve(2, "admin", At, [])).Message.ShouldBe("起草人不能审核自己提交的版本");
    }

    [Fact]
    public void A_version_with_lint_errors_cannot_be_approved()
    {
        var history = ApprovedV1();
        history.Propose(V2, "admin", At);
        var errors = new[] { new DataFileError("templates/reply-withhold-process.hbs", 20, "missing element {{#remedies}}") };
        Should.Throw<TemplateVersionException>(() => history.Approve(2, "reviewer", At, errors)).Message.ShouldStartWith("模板检查未通过（1 个问题）");
    }

    [Fact]
    public void A_returned_version_keeps_its_comment_and_the_next_proposal_takes_the_next_number()
    {
        var history = ApprovedV1();
        history.Propose(V2, "admin", At);
        history.Return(2, "reviewer", At, "理由表述改回原文").ReviewComment.ShouldBe("理由表述改回原文");
        Should.Throw<TemplateVersionException>(() => history.Approve(2, "reviewer", At, [])).Message.ShouldBe("第2版已退回，不能再审核");
        history.Propose(V2.Replace("version: 2", "version: 3"), "admin", At).Version.ShouldBe(3);
    }

    [Fact]
    public void Only_one_proposal_is_open_at_a_time()
    {
        var history = ApprovedV1();
        history.Propose(V2, "admin", At);
        Should.Throw<TemplateVersionException>(() => history.Propose(V2.Replace("version: 2", "version: 3"), "admin", At))
            .Message.ShouldBe("第2版尚待审核，审核通过或退回后才能提交新的版本");
    }

    [Fact]
    public void The_history_screen_diffs_two_versions_line_by_line()
    {
        var history = ApprovedV1();
        history.Propose(V2, "admin", At);
        var changed = history.Diff(1, 2).Where(l => l.Kind != DiffKind.Unchanged).Select(l => l.ToString()).ToList();
        changed.ShouldBe([
            "- version: 1",
            "+ version: 2",
            "- 理由如下：{{slot \"reasons\" label=\"不予公开的理由（属于讨论记录、过程稿、磋商信函、请示报告等哪一类）\" multiline=true}}",
            "+ 不予公开的理由：{{slot \"reasons\" label=\"不予公开的理由（属于讨论记录、过程稿、磋商信函、请示报告等哪一类）\" multiline=true}}",
        ]);
    }
}
