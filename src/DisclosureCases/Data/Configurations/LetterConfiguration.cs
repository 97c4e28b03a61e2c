using DisclosureCases.Domain.Cases;
using DisclosureCases.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosureCases.Data.Configurations;

public sealed class LetterConfiguration : IEntityTypeConfiguration<Letter>
{
    public void Configure(EntityTypeBuilder<Letter> b)
    {
        b.Property(l => l.Version).IsConcurrencyToken();
        b.Property(l => l.DocumentId).HasMaxLength(60);
        b.Property(l => l.Title).HasMaxLength(100);
        b.Property(l => l.Outcome).HasMaxLength(60);
        b.Property(l => l.TemplateId).HasMaxLength(80);
        b.Property(l => l.TemplateHash).HasMaxLength(64);
        b.Property(l => l.RecipientName).HasMaxLength(200);
        b.Property(l => l.RecipientAddress).HasMaxLength(300);
        b.Property(l => l.RecipientPostalCode).HasMaxLength(10);
        b.Property(l => l.Number).HasMaxLength(80);
        b.Property(l => l.HtmlHash).HasMaxLength(64);
        b.Property(l => l.DocxHash).HasMaxLength(64);
        b.Property(l => l.ReviewComment).HasMaxLength(4000);
        b.Property(l => l.CreatedById).HasMaxLength(450);
        b.Property(l => l.CreatedByName).HasMaxLength(100);
        b.Property(l => l.SubmittedByName).HasMaxLength(100);
        b.Property(l => l.ReviewedById).HasMaxLength(450);
        b.Property(l => l.ReviewedByName).HasMaxLength(100);
        b.Property(l => l.UpdatedBy).HasMaxLength(100);
        b.HasIndex(l => new { l.AgencyId, l.Status });
        b.HasIndex(l => l.CaseId);
        b.HasOne<Agency>().WithMany().HasForeignKey(l => l.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Case>().WithMany().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(l => l.CaseDocument).WithMany().HasForeignKey(l => l.CaseDocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Letter>().WithMany().HasForeignKey(l => l.SupersedesId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Letter>().WithMany().HasForeignKey(l => l.SupersededById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StoredTemplateVersion>().WithMany().HasForeignKey(l => new { l.TemplateId, l.TemplateVersion }).OnDelete(DeleteBehavior.Restrict);
    }
}
