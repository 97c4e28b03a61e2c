using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DisclosureCases.Pages;

[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    public string? RequestId { get; set; }
    public string Title { get; set; } = "出错了";
    public string Message { get; set; } = "处理请求时发生错误，已记录。请稍后重试。";

    public void OnGet(int? code) => Describe(code);
    public void OnPost(int? code) => Describe(code);

    void Describe(int? code)
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        (Title, Message) = code switch
        {
            404 => ("未找到", "您要找的页面或案件不存在，或不属于本机关。"),
            400 => ("请求无效", "请求无法处理：表单可能已过期，请刷新页面后重试。"),
            403 => ("无权访问", "您的角色不能执行该操作。"),
            405 => ("不支持的操作", "该页面没有这项操作，请从页面上的按钮提交。"),
            _ => (Title, Message),
        };
    }
}
