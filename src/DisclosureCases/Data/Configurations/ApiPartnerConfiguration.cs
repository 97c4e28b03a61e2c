using DisclosureCases.Api;
using DisclosureCases.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosureCases.Data.Configurations;

public sealed class ApiPartnerConfiguration : IEntityTypeConfiguration<ApiPartner>
{
    public void Configure(EntityTypeBuilder<ApiPartner> b)
    {
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.KeyPrefix).HasMaxLength(20);
        b.Property(p => p.KeyHash).HasMaxLength(64);
        b.Property(p => p.CreatedBy).HasMaxLength(100);
        b.Property(p => p.RevokedBy).HasMaxLength(100);
        b.HasIndex(p => p.KeyPrefix);
        b.HasIndex(p => p.KeyHash).IsUnique();
        b.HasOne<Agency>().WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(p => p.IsRevoked);
    }
}
