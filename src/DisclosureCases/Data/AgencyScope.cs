namespace DisclosureCases.Data;

/// <summary>
/// Which agency's rows a <see cref="DisclosureDbContext"/> may see. A web request is scoped to the signed-in user's
/// agency (and to nothing when nobody is signed in); only the command line and background jobs ask for all agencies,
/// explicitly.
/// </summary>
public sealed class AgencyScope
{
    AgencyScope(int? agencyId, bool all) { AgencyId = agencyId; IsAll = all; }

    public int? AgencyId { get; }
    public bool IsAll { get; }

    public static AgencyScope All { get; } = new(null, true);
    public static AgencyScope Nothing { get; } = new(null, false);
    public static AgencyScope For(int agencyId) => new(agencyId, false);

    /// <summary>The value the query filters compare with; -1 matches no agency.</summary>
    public int FilterAgencyId => AgencyId ?? -1;
}
