using Microsoft.AspNetCore.Mvc;

namespace DisclosureCases.Web;

/// <summary>
/// Model binding speaks Chinese, and leaves "required" to the validators. MVC otherwise treats every non-nullable
/// string as [Required] and answers in English ("The 联系电话 field is required."), before the form's own validator —
/// which names the field and the rule in Chinese — gets a say.
/// </summary>
public static class ChineseModelBinding
{
    public static void Configure(MvcOptions o)
    {
        o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        var m = o.ModelBindingMessageProvider;
        m.SetValueMustNotBeNullAccessor(field => $"「{field}」为必填项");
        m.SetMissingBindRequiredValueAccessor(field => $"「{field}」为必填项");
        m.SetMissingKeyOrValueAccessor(() => "缺少必填的值");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "缺少请求内容");
        m.SetAttemptedValueIsInvalidAccessor((value, field) => $"「{field}」的值「{value}」无效");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"值「{value}」无效");
        m.SetUnknownValueIsInvalidAccessor(field => $"「{field}」的值无效");
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "提供的值无效");
        m.SetValueIsInvalidAccessor(value => $"值「{value}」无效");
        m.SetValueMustBeANumberAccessor(field => $"「{field}」应为数字");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "应为数字");
    }
}
