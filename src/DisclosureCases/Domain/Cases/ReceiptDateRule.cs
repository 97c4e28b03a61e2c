namespace DisclosureCases.Domain.Cases;

/// <summary>
/// 收到申请之日 by channel (条例第31条): 当面 — the day it is handed in; 邮寄（签收）— the day the agency signs for it;
/// 平常信函 — the day the agency confirms with the applicant; 网上申请, 传真, 电子邮件 — the day both sides confirm.
/// An applicant who cannot be reached is confirmed on the day contact is restored (国办公开办函〔2015〕207号), so the
/// confirmation date may lie well after arrival.
/// </summary>
public static class ReceiptDateRule
{
    /// <summary>Whether the channel's date of receipt is a signed-for or confirmation date rather than the arrival date.</summary>
    public static bool NeedsConfirmation(Channel channel) => channel != Channel.InPerson;

    /// <summary>The Chinese name of the confirmation date for the form's label.</summary>
    public static string ConfirmationLabel(Channel channel) => channel switch
    {
        Channel.RegisteredMail => "签收日期",
        Channel.OrdinaryMail => "与申请人确认日期",
        _ => "双方确认日期",
    };

    /// <summary>The date of receipt, or an error naming the rule when the dates given do not satisfy it.</summary>
    public static (DateOnly? ReceivedOn, string? Error) Apply(Channel channel, DateOnly arrivedOn, DateOnly? confirmedOn)
    {
        if (!NeedsConfirmation(channel))
            return (arrivedOn, null);
        if (confirmedOn is null)
            return (null, $"{ConfirmationLabel(channel)}为必填项：该渠道以{ConfirmationLabel(channel)}为收到申请之日（条例第三十一条）");
        if (confirmedOn < arrivedOn)
            return (null, $"{ConfirmationLabel(channel)}不能早于到达日期");
        return (confirmedOn, null);
    }

    /// <summary>One sentence explaining how the date of receipt was fixed, for the case page.</summary>
    public static string Explain(Channel channel, DateOnly receivedOn) => channel switch
    {
        Channel.InPerson => $"当面提交，以提交当日 {receivedOn:yyyy-MM-dd} 为收到申请之日（条例第三十一条第一项）",
        Channel.RegisteredMail => $"邮寄，以签收之日 {receivedOn:yyyy-MM-dd} 为收到申请之日（条例第三十一条第二项）",
        Channel.OrdinaryMail => $"平常信函，以与申请人确认之日 {receivedOn:yyyy-MM-dd} 为收到申请之日（条例第三十一条第二项）",
        _ => $"以双方确认之日 {receivedOn:yyyy-MM-dd} 为收到申请之日（条例第三十一条第三项）",
    };
}
