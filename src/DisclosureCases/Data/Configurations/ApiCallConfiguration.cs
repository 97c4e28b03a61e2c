using DisclosureCases.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosureCases.Data.Configurations;

public sealed class ApiCallConfiguration : IEntityTypeConfiguration<ApiCall>
{
    public void Configure(EntityTypeBuilder<ApiCall> b)
    {
        b.Property(c => c.PartnerName).HasMaxLength(200);
        b.Property(c => c.Method).HasMaxLength(10);
        b.Property(c => c.Path).HasMaxLength(400);
        b.Property(c => c.CaseNumber).HasMaxLength(100);
        b.HasIndex(c => new { c.AgencyId, c.At });
    }
}
