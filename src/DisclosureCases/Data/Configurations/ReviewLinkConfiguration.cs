using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosureCases.Data.Configurations;

public sealed class ReviewLinkConfiguration : IEntityTypeConfiguration<ReviewLink>
{
    public void Configure(EntityTypeBuilder<ReviewLink> b)
    {
        b.HasIndex(l => new { l.ReviewCaseId, l.CaseId }).IsUnique();
        b.HasIndex(l => l.CaseId);
        b.HasOne<Case>().WithMany().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
