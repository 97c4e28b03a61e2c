namespace DisclosureCases.Data;

/// <summary>
/// Which agency's rows a <see cref="DisclosureDbContext"/> may see. A web request is scoped to the signed-in user's
/// agency (and to nothing when nobody is signed in); only the command line and background jobs ask for all agencies,
/// explicitly.
/// </summary>
public sealed class AgencyScope
{
    readonly int? _agencyId;
    readonly bool _all;
    readonly Func<AgencyScope>? _deferred;

    AgencyScope(int? agencyId, bool all) { _agencyId = agencyId; _all = all; }
    AgencyScope(Func<AgencyScope> deferred) => _deferred = deferred;

    public int? AgencyId => _deferred is null ? _agencyId : _deferred().AgencyId;
    public bool IsAll => _deferred is null ? _all : _deferred().IsAll;

    public static AgencyScope All { get; } = new(null, true);
    public static AgencyScope Nothing { get; } = new(null, false);
    public static AgencyScope For(int agencyId) => new(agencyId, false);

    /// <summary>
    /// A scope decided each time a query runs, not when the context is made. A request's context can be made before
    /// the request's user is known — authentication itself resolves Identity's stores, and with them the context — so a
    /// scope fixed at that moment would be "nothing" for the rest of the request.
    /// </summary>
    public static AgencyScope Deferred(Func<AgencyScope> resolve) => new(resolve);

    /// <summary>The value the query filters compare with; -1 matches no agency.</summary>
    public int FilterAgencyId => AgencyId ?? -1;
}
