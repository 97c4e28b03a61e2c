using DisclosureCases.Domain.Cases;
using DisclosureCases.Jobs;
using DisclosureCases.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DisclosureCases.Pages.Admin.Jobs;

/// <summary>
/// 任务调度 (管理员 only): the scheduler and its nodes, each job with its schedule, next and previous fire times,
/// 立即执行 and 暂停/恢复; one-shot jobs waiting to fire; what is running now; failed runs with their error and
/// 重试; the history of runs.
/// </summary>
[AdminOnly]
public class IndexModel(JobDashboard dashboard, JobControl control, JobCatalog catalog, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public JobDashboard.View View { get; private set; } = null!;
    public bool Enabled => control.Enabled;
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(PageNumber, 1);
        View = await dashboard.LoadAsync(PageNumber, ct);
        Now = time.GetUtcNow();
    }

    public Task<IActionResult> OnPostRunNowAsync(string job, CancellationToken ct) =>
        OnSchedulerAsync(job, async d => await control.RunNowAsync(d.Name, Me, ct), d => $"已安排立即执行“{d.Title}”。");

    public Task<IActionResult> OnPostPauseAsync(string job, CancellationToken ct) =>
        OnSchedulerAsync(job, async d => await control.PauseAsync(d.Name, ct), d => $"已暂停“{d.Title}”。");

    public Task<IActionResult> OnPostResumeAsync(string job, CancellationToken ct) =>
        OnSchedulerAsync(job, async d => await control.ResumeAsync(d.Name, ct), d => $"已恢复“{d.Title}”。");

    public async Task<IActionResult> OnPostRetryAsync(long incident, CancellationToken ct)
    {
        if (!control.Enabled) return Disabled();
        TempData["Flash"] = await control.RetryAsync(incident, Me, ct)
            ? "已重新安排执行；结果见运行记录。"
            : "该失败记录已处理过。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDismissAsync(long incident, CancellationToken ct)
    {
        TempData["Flash"] = await control.DismissAsync(incident, Me, ct) ? "已标记为处理完毕。" : "该失败记录已处理过。";
        return RedirectToPage();
    }

    Actor Me => Actor.From(User)!;

    async Task<IActionResult> OnSchedulerAsync(string job, Func<JobDefinition, Task> act, Func<JobDefinition, string> done)
    {
        if (!control.Enabled) return Disabled();
        if (catalog.All.FirstOrDefault(d => d.Name == job) is not { } definition) return NotFound();
        await act(definition);
        TempData["Flash"] = done(definition);
        return RedirectToPage();
    }

    IActionResult Disabled()
    {
        TempData["Flash"] = "调度器未启用（Quartz:Enabled=false），不能执行该操作。";
        return RedirectToPage();
    }

    public static string Local(DateTimeOffset? at) => at is { } t ? ShanghaiTime.Local(t).ToString("yyyy-MM-dd HH:mm:ss") : "—";

    public static string Duration(JobRun r) => r.EndedAt is { } end
        ? (end - r.StartedAt).TotalSeconds < 60 ? $"{(end - r.StartedAt).TotalSeconds:0.0}秒" : $"{(end - r.StartedAt).TotalMinutes:0.0}分钟"
        : "—";

    public string TitleOf(string jobName) => catalog.All.FirstOrDefault(d => d.Name == jobName)?.Title ?? jobName;

    public string PageUrl(int page) => $"/Admin/Jobs?p={page}#history";
}
