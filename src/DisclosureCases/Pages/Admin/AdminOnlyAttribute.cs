using DisclosureCases.Domain.Cases;
using DisclosureCases.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace DisclosureCases.Pages.Admin;

/// <summary>
/// The page is for 管理员 only: anyone else signed in gets 403 (the 无权访问 page), for every handler, GET and POST.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AdminOnlyAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (Actor.From(context.HttpContext.User) is not { } actor || !actor.IsIn(Roles.Admin))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }
        await next();
    }
}
