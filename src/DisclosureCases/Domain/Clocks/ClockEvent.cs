namespace DisclosureCases.Domain.Clocks;

/// <summary>The dated events of one application that start, stop, pause or end its time limits.</summary>
public enum ClockEventKind
{
    /// <summary>收到申请: the date of receipt as 条例第31条 defines it per channel; every clock starts here.</summary>
    Received,

    /// <summary>发出补正告知 (条例第30条): the reply clock stops until the corrected application arrives.</summary>
    CorrectionRequested,

    /// <summary>收到补正: the reply clock restarts from zero on this day (条例第30条).</summary>
    CorrectionReceived,

    /// <summary>开始征求第三方或其他机关意见 (条例第32、34条): the reply clock pauses (第33条第3款).</summary>
    ConsultationStarted,

    /// <summary>征求意见结束 (opinion received, or the 15 working days ran out): the reply clock resumes.</summary>
    ConsultationEnded,

    /// <summary>负责人批准延期答复 (条例第33条第2款): 20 more working days, once.</summary>
    ExtensionApproved,

    /// <summary>答复: the reply (or the closing notice) has been issued; the reply clock is met.</summary>
    Replied,

    /// <summary>
    /// 责令重新答复: a 复议 decision or judgment ordered a new reply (撤销并责令重作, 责令履行). The reply clock starts
    /// again from this day (the decision's service) and runs to <see cref="ClockEvent.AnswerBy"/>, the new deadline
    /// the decision's period gives; the case may be replied to again.
    /// </summary>
    ReplyOrdered,
}

/// <summary>One dated event of an application's clock.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Date">The day it happened (the day of receipt for incoming documents).</param>
/// <param name="Note">Free text for the record; ignored by the computation.</param>
/// <param name="AnswerBy">For <see cref="ClockEventKind.CorrectionRequested"/>, optional: the date by which the
/// notice asks the applicant to correct (条例第30条 "合理的补正期限"); for <see cref="ClockEventKind.ReplyOrdered"/>,
/// required: the new reply deadline.</param>
public sealed record ClockEvent(ClockEventKind Kind, DateOnly Date, string? Note = null, DateOnly? AnswerBy = null);
