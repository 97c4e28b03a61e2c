using DisclosureCases.Domain.Cases;
using DisclosureCases.Web.Identity;

namespace DisclosureCases.Evidence;

/// <summary>
/// Who may build a case's evidence package (证据清单). The package answers a 行政复议 or 行政诉讼 (行政复议法第48条,
/// 行政诉讼法第67条: the respondent submits its evidence with its answer): the 法制审核人员 drafts the answer, the 负责人
/// signs it, and the 经办人 who handled the case knows its papers best. Other clerks have no part in that answer, and
/// the 管理员 looks after the installation, not case work; both still read the case and its 案卷 (<c>/Cases/{id}/Export</c>).
/// </summary>
public static class EvidenceAccess
{
    public static bool MayBuild(Actor actor, Case c) =>
        actor.IsIn(Roles.LegalReviewer) || actor.IsIn(Roles.Manager) || (actor.IsIn(Roles.Clerk) && c.HandlerId == actor.UserId);
}
