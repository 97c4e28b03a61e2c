using DisclosureCases.Domain.Cases;
using DisclosureCases.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace DisclosureCases.Pages.Reports;

/// <summary>
/// Reports are for the 负责人 (who reads the time-limit reports and the annual report, DOMAIN.md §1) and the 管理员:
/// anyone else signed in gets 403, for every handler. Each sees their own agency's figures only.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ManagersOnlyAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (Actor.From(context.HttpContext.User) is not { } actor || !(actor.IsIn(Roles.Manager) || actor.IsIn(Roles.Admin)))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }
        await next();
    }
}
