using DisclosureCases.Cases;
using DisclosureCases.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosureCases.Data.Configurations;

public sealed class CalendarChangeCaseConfiguration : IEntityTypeConfiguration<CalendarChangeCase>
{
    public void Configure(EntityTypeBuilder<CalendarChangeCase> b)
    {
        b.HasKey(m => new { m.CalendarChangeId, m.CaseId });
        b.HasOne<CalendarChange>().WithMany().HasForeignKey(m => m.CalendarChangeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Case>().WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
