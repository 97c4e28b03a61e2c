using DisclosureCases.Cases;
using DisclosureCases.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosureCases.Data.Configurations;

public sealed class CalendarChangeConfiguration : IEntityTypeConfiguration<CalendarChange>
{
    public void Configure(EntityTypeBuilder<CalendarChange> b)
    {
        b.Property(c => c.FromHash).HasMaxLength(64);
        b.Property(c => c.ToHash).HasMaxLength(64);
        b.Property(c => c.By).HasMaxLength(100);
        b.HasOne<StoredCalendarVersion>().WithMany().HasForeignKey(c => c.FromHash).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StoredCalendarVersion>().WithMany().HasForeignKey(c => c.ToHash).OnDelete(DeleteBehavior.Restrict);
    }
}
