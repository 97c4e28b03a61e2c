using DisclosureCases.Data;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Api;

/// <summary>Creating, listing and revoking partners, for the admin page and <c>disclosure partners</c>.</summary>
public sealed class ApiPartners(DisclosureDbContext db, TimeProvider time)
{
    /// <summary>A new partner and its key: the only time the key exists outside the partner system.</summary>
    public sealed record Created(ApiPartner Partner, string Key);

    public const int NameMaxLength = 200;

    /// <summary>The problem with <paramref name="name"/> as a partner's name, or null.</summary>
    public static string? NameProblem(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "名称：必填（如 静安区人民政府行政复议办公室）"
        : name.Trim().Length > NameMaxLength ? $"名称：不超过{NameMaxLength}个字"
        : null;

    public async Task<Created> CreateAsync(string name, int agencyId, string by, CancellationToken ct)
    {
        var key = ApiKeys.New();
        var partner = new ApiPartner
        {
            AgencyId = agencyId,
            Name = name.Trim(),
            KeyPrefix = ApiKeys.Prefix(key),
            KeyHash = ApiKeys.Hash(key),
            CreatedAt = time.GetUtcNow(),
            CreatedBy = by,
        };
        db.ApiPartners.Add(partner);
        await db.SaveChangesAsync(ct);
        return new Created(partner, key);
    }

    /// <summary>Revokes the partner (this context must see it); false when there is no such partner. Revoking twice keeps the first.</summary>
    public async Task<bool> RevokeAsync(int id, string by, CancellationToken ct)
    {
        var partner = await db.ApiPartners.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null) return false;
        if (partner.RevokedAt is null)
        {
            partner.RevokedAt = time.GetUtcNow();
            partner.RevokedBy = by;
            await db.SaveChangesAsync(ct);
        }
        return true;
    }

    public Task<List<ApiPartner>> ListAsync(CancellationToken ct) =>
        db.ApiPartners.AsNoTracking().OrderBy(p => p.RevokedAt != null).ThenBy(p => p.Name).ThenBy(p => p.Id).ToListAsync(ct);
}
