namespace DisclosureCases.Letters;

/// <summary>
/// Whether an agency's configured 复议机关 fits the kind of agency. Since 2024-01-01 (行政复议法 as revised in 2023) a
/// district or city department's 复议机关 is the 本级人民政府 (第24条), with no choice of the 上一级主管部门 any more;
/// a vertically led agency (海关、金融、外汇管理、税务、国家安全机关 …) goes to its 上一级主管部门 (第27条). A wrong
/// 复议机关 in the remedies clause misleads the applicant, so a letter shows the warning; it does not block issuing,
/// because some agencies (派出机构, 法律法规授权的组织) follow other rules of the law that this check does not know.
/// </summary>
public static class ReviewBodyRule
{
    /// <summary>A warning in words for the clerk and the administrator, or null when the setting looks right.</summary>
    public static string? Check(AgencySettings agency)
    {
        var body = agency.ReviewBody.Trim();
        if (body.Length == 0) return null; // a missing 复议机关 is a missing field: the letter cannot be issued at all
        if (body.Contains('或') || body.Contains('、'))
            return $"复议机关“{body}”列了不止一个机关：自2024年1月1日起复议机关是唯一的（行政复议法第24条、第27条），请在机关设置中只填一个";
        var government = body.EndsWith("人民政府", StringComparison.Ordinal);
        if (!agency.IsVertical && !government)
            return $"复议机关“{body}”不是人民政府：自2024年1月1日起，对县级以上地方人民政府工作部门的行政行为不服的，向本级人民政府申请行政复议（行政复议法第24条）；垂直管理的机关请在机关设置中标明";
        if (agency.IsVertical && government)
            return $"本机关标为垂直管理，复议机关应为上一级主管部门（行政复议法第27条），而不是“{body}”";
        return null;
    }
}
