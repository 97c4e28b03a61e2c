using DisclosureCases.Domain.Cases;
using DisclosureCases.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosureCases.Data.Configurations;

public sealed class ReportFilingConfiguration : IEntityTypeConfiguration<ReportFiling>
{
    public void Configure(EntityTypeBuilder<ReportFiling> b)
    {
        b.Property(f => f.Action).HasMaxLength(20);
        b.Property(f => f.ActorId).HasMaxLength(450);
        b.Property(f => f.ActorName).HasMaxLength(100);
        b.Property(f => f.Note).HasMaxLength(1000);
        b.HasIndex(f => new { f.AgencyId, f.Year, f.Id });
        b.HasOne<Agency>().WithMany().HasForeignKey(f => f.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
