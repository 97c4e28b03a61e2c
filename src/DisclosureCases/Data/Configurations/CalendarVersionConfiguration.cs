using DisclosureCases.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosureCases.Data.Configurations;

public sealed class StoredCalendarVersionConfiguration : IEntityTypeConfiguration<StoredCalendarVersion>
{
    public void Configure(EntityTypeBuilder<StoredCalendarVersion> b)
    {
        b.HasKey(v => v.ContentHash);
        b.Property(v => v.ContentHash).HasMaxLength(64);
    }
}
