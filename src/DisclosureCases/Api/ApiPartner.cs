namespace DisclosureCases.Api;

/// <summary>
/// A partner system allowed to call the JSON API — in practice the 行政复议机关's case system — for one agency's cases.
/// Its key is shown once when created; only its SHA-256 is stored (a stolen database gives no key), with a short
/// prefix to tell keys apart in lists and to find the row. A revoked partner's key is refused from then on.
/// </summary>
public class ApiPartner
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    /// <summary>The partner as staff know it, e.g. 静安区人民政府行政复议办公室.</summary>
    public string Name { get; set; } = "";
    /// <summary>The key's first characters (<see cref="ApiKeys.PrefixLength"/>), for display and look-up; not secret.</summary>
    public string KeyPrefix { get; set; } = "";
    /// <summary>SHA-256 (lower-case hex) of the whole key.</summary>
    public string KeyHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }

    public bool IsRevoked => RevokedAt is not null;
}
