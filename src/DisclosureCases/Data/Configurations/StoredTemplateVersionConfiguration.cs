using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosureCases.Data.Configurations;

public sealed class StoredTemplateVersionConfiguration : IEntityTypeConfiguration<StoredTemplateVersion>
{
    public void Configure(EntityTypeBuilder<StoredTemplateVersion> b)
    {
        b.HasKey(v => new { v.TemplateId, v.Version });
        b.Property(v => v.TemplateId).HasMaxLength(80);
        b.Property(v => v.Hash).HasMaxLength(64);
        b.Property(v => v.AuthorId).HasMaxLength(450);
        b.Property(v => v.AuthorName).HasMaxLength(100);
        b.Property(v => v.ReviewerId).HasMaxLength(450);
        b.Property(v => v.ReviewerName).HasMaxLength(100);
        b.Property(v => v.ReviewComment).HasMaxLength(4000);
        b.Property(v => v.Revision).IsConcurrencyToken();
    }
}
