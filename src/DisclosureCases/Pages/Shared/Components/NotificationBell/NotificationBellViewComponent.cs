using DisclosureCases.Notifications;
using DisclosureCases.Web.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DisclosureCases.Pages.Shared.Components.NotificationBell;

/// <summary>The bell in the top bar: a link to 通知 with the signed-in user's unread count.</summary>
public sealed class NotificationBellViewComponent(Inbox inbox) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var me = Actor.From(HttpContext.User);
        return View(me is null ? 0 : await inbox.UnreadCountAsync(me.UserId, HttpContext.RequestAborted));
    }
}
