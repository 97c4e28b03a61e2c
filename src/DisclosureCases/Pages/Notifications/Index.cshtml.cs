using DisclosureCases.Domain.Cases;
using DisclosureCases.Notifications;
using DisclosureCases.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DisclosureCases.Pages.Notifications;

/// <summary>
/// 通知: the signed-in user's reminders, tasks and notices, newest first; open one (it is marked read and the case
/// page opens where the action is), mark one or all read.
/// </summary>
public class IndexModel(Inbox inbox, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "show")] public string Show { get; set; } = "all";
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Notification> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int Unread { get; private set; }
    public DateTimeOffset Now { get; private set; }
    public bool UnreadOnly => Show == "unread";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = Actor.From(User)!;
        PageNumber = Math.Max(PageNumber, 1);
        (Items, Total) = await inbox.PageAsync(me.UserId, UnreadOnly, PageNumber, ct);
        Unread = await inbox.UnreadCountAsync(me.UserId, ct);
        Now = time.GetUtcNow();
    }

    public async Task<IActionResult> OnPostOpenAsync(long id, CancellationToken ct)
    {
        var n = await inbox.MarkReadAsync(Actor.From(User)!.UserId, id, ct);
        if (n is null) return NotFound();
        // Only ever a path inside the application.
        return Url.IsLocalUrl(n.Link) ? LocalRedirect(n.Link) : RedirectToPage();
    }

    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken ct)
    {
        if (await inbox.MarkReadAsync(Actor.From(User)!.UserId, id, ct) is null) return NotFound();
        return RedirectToPage(new { show = Show, p = PageNumber });
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var count = await inbox.MarkAllReadAsync(Actor.From(User)!.UserId, ct);
        TempData["Flash"] = count > 0 ? $"已将{count}条通知标为已读。" : "没有未读通知。";
        return RedirectToPage(new { show = Show });
    }

    public static string KindText(NotificationKind kind) => kind switch
    {
        NotificationKind.Task => "待办",
        NotificationKind.Warning => "警示",
        NotificationKind.Notice => "通知",
        _ => "提醒",
    };

    public string PageUrl(int page) => $"/Notifications?show={Show}&p={page}";

    public static string Local(DateTimeOffset at) => ShanghaiTime.Local(at).ToString("yyyy-MM-dd HH:mm");
}
