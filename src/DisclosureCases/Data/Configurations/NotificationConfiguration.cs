using DisclosureCases.Domain.Cases;
using DisclosureCases.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosureCases.Data.Configurations;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        // Each effect of a sweep exactly once, however often it runs: the database refuses a second copy.
        b.HasIndex(n => new { n.RecipientId, n.CaseId, n.DeadlineKey, n.Threshold, n.DueDate }).IsUnique();
        // The bell: a user's unread count.
        b.HasIndex(n => new { n.RecipientId, n.ReadAt });
        b.Property(n => n.RecipientId).HasMaxLength(450);
        b.Property(n => n.DeadlineKey).HasMaxLength(40);
        b.Property(n => n.Title).HasMaxLength(200);
        b.Property(n => n.Message).HasMaxLength(1000);
        b.Property(n => n.Link).HasMaxLength(300);
        b.HasOne<Case>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
    }
}
