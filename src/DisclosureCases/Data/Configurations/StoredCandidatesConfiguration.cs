using DisclosureCases.Domain.Cases;
using DisclosureCases.Similarity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosureCases.Data.Configurations;

public sealed class StoredCandidatesConfiguration : IEntityTypeConfiguration<StoredCandidates>
{
    public void Configure(EntityTypeBuilder<StoredCandidates> builder)
    {
        builder.ToTable("SimilarCandidates");
        builder.HasKey(s => s.CaseId);
        builder.Property(s => s.CaseId).ValueGeneratedNever();
        // Reached only through its (agency-filtered) case; goes with it.
        builder.HasOne<Case>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.CandidateIds).HasMaxLength(4 * SimilarCases.StoredCount);
    }
}
