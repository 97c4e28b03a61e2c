using System.CommandLine;
using DisclosureCases.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DisclosureCases.Cli;

/// <summary>
/// <c>disclosure backup FILE</c> and <c>disclosure restore FILE</c> for a SQLite installation (docs/operations.md).
/// The backup is SQLite's online backup API: a consistent copy taken while the application runs and writes. The restore
/// replaces the database of a stopped installation atomically. On PostgreSQL both print the pg_dump / pg_restore
/// commands instead: the server's own tools are the way there.
/// Exit codes: 0 done; 1 the file is not a sound database; 2 wrong input, a running application, or PostgreSQL.
/// </summary>
public static class BackupVerbs
{
    public const int Done = 0;
    public const int Damaged = 1;
    public const int Refused = 2;

    public static IEnumerable<Command> Build(CliConsole console, CliHost host)
    {
        var backupFile = new Argument<string>("FILE") { Description = "备份文件（已存在则覆盖）" };
        var backup = new Command("backup", "在线备份 SQLite 数据库（应用运行时亦可，得到一致的副本）") { backupFile };
        backup.SetAction(async (parse, ct) => await BackupAsync(Database.FromConfiguration(host.Configuration), parse.GetValue(backupFile)!, console, ct));

        var restoreFile = new Argument<string>("FILE") { Description = "由 disclosure backup 生成的备份文件" };
        var restore = new Command("restore", "用备份替换 SQLite 数据库（须先停止应用）") { restoreFile };
        restore.SetAction(async (parse, ct) => await RestoreAsync(Database.FromConfiguration(host.Configuration), parse.GetValue(restoreFile)!, console, ct));
        return [backup, restore];
    }

    public static async Task<int> BackupAsync(Database database, string file, CliConsole console, CancellationToken ct)
    {
        if (database.Provider == DatabaseProvider.PostgreSQL)
            return await PostgresWayAsync(database, file, console, restoring: false);
        var source = database.SqliteFile;
        if (!File.Exists(source))
        {
            await console.Error.WriteLineAsync($"{source}: 数据库文件不存在，无可备份");
            return Refused;
        }
        var target = Path.GetFullPath(file);
        var partial = target + ".partial";
        File.Delete(partial);
        var started = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            await using (var from = new SqliteConnection(database.ConnectionString))
            await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
            {
                await from.OpenAsync(ct);
                await to.OpenAsync(ct);
                // One step under a read transaction: in WAL mode the application goes on writing meanwhile, and the copy is
                // the database as of the moment the step began.
                from.BackupDatabase(to);
                // The backup is one self-contained file, not a database waiting for its write-ahead log.
                await ExecuteAsync(to, "PRAGMA journal_mode=DELETE", ct);
                var check = await IntegrityAsync(to, ct);
                if (check != "ok")
                {
                    await console.Error.WriteLineAsync($"{target}: 备份副本完整性检查未通过：{check}");
                    return Damaged;
                }
            }
            File.Move(partial, target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException)
        {
            File.Delete(partial);
            await console.Error.WriteLineAsync($"{target}: 备份失败：{e.Message}");
            return Refused;
        }
        await console.Out.WriteLineAsync($"已备份到 {target}（{new FileInfo(target).Length:N0} 字节，用时 {started.Elapsed.TotalSeconds:F1} 秒；完整性检查通过）");
        return Done;
    }

    public static async Task<int> RestoreAsync(Database database, string file, CliConsole console, CancellationToken ct)
    {
        if (database.Provider == DatabaseProvider.PostgreSQL)
            return await PostgresWayAsync(database, file, console, restoring: true);
        var backup = Path.GetFullPath(file);
        if (!File.Exists(backup))
        {
            await console.Error.WriteLineAsync($"{backup}: 备份文件不存在");
            return Refused;
        }
        var target = database.SqliteFile;
        using var hold = SqliteInstallationLock.TryAcquire(target);
        if (hold is null)
        {
            await console.Error.WriteLineAsync(
                $"{target}: 应用正在运行（锁文件 {SqliteInstallationLock.LockFile(target)} 被占用）。请先停止应用再恢复；运行中的备份请用 disclosure backup。");
            return Refused;
        }

        // The copy goes beside the database, so that the final rename is atomic (same file system).
        var incoming = target + ".restoring";
        File.Delete(incoming);
        try
        {
            File.Copy(backup, incoming);
            if (await ProblemAsync(incoming, ct) is { } problem)
            {
                await console.Error.WriteLineAsync($"{backup}: 不是完好的 DisclosureCases 数据库（{problem}），未作任何改动");
                File.Delete(incoming);
                return Damaged;
            }
            var keptAside = await SetAsideAsync(target, ct);
            File.Move(incoming, target, overwrite: true);
            // The old database's write-ahead log (emptied by the checkpoint) must not be read against the restored file.
            File.Delete(target + "-wal");
            File.Delete(target + "-shm");
            await console.Out.WriteLineAsync($"已从 {backup} 恢复 {target}" + (keptAside is null ? "" : $"；原数据库保留为 {keptAside}") +
                "。启动应用前可运行 disclosure audit verify 校验审计链。");
            return Done;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException)
        {
            File.Delete(incoming);
            await console.Error.WriteLineAsync($"{backup}: 恢复失败，原数据库未改动：{e.Message}");
            return Refused;
        }
    }

    /// <summary>What is wrong with the database file, or null when it passes SQLite's integrity check and has our migrations.</summary>
    static async Task<string?> ProblemAsync(string file, CancellationToken ct)
    {
        try
        {
            await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
            await copy.OpenAsync(ct);
            var check = await IntegrityAsync(copy, ct);
            if (check != "ok") return "完整性检查：" + check;
            return await HasTableAsync(copy, "__EFMigrationsHistory", ct) ? null : "缺少迁移记录表 __EFMigrationsHistory";
        }
        catch (SqliteException e)
        {
            return e.Message;
        }
    }

    /// <summary>Checkpoints the current database (so its file is whole on its own) and keeps a copy of it beside it.</summary>
    static async Task<string?> SetAsideAsync(string target, CancellationToken ct)
    {
        if (!File.Exists(target)) return null;
        await using (var current = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
        {
            await current.OpenAsync(ct);
            await ExecuteAsync(current, "PRAGMA wal_checkpoint(TRUNCATE)", ct);
        }
        var aside = $"{target}.before-restore-{TimeProvider.System.GetUtcNow():yyyyMMddHHmmss}";
        File.Copy(target, aside, overwrite: true);
        return aside;
    }

    static async Task<int> PostgresWayAsync(Database database, string file, CliConsole console, bool restoring)
    {
        var cs = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var target = $"-h {cs.Host} -p {cs.Port} -U {cs.Username} -d {cs.Database}";
        await console.Error.WriteLineAsync(restoring
            ? $"PostgreSQL 数据库请用 pg_restore 恢复（先停止所有节点），例如：\n  pg_restore --clean --if-exists --no-owner {target} {file}\n然后运行 disclosure audit verify。详见 docs/operations.md。"
            : $"PostgreSQL 数据库请用 pg_dump 备份（运行中亦可，得到一致的快照），例如：\n  pg_dump -Fc {target} -f {file}\n详见 docs/operations.md。");
        return Refused;
    }

    static async Task<string> IntegrityAsync(SqliteConnection connection, CancellationToken ct) =>
        string.Join("; ", await QueryAsync(connection, "PRAGMA integrity_check", ct));

    static async Task<bool> HasTableAsync(SqliteConnection connection, string table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", table);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    static async Task<List<string>> QueryAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(reader.GetString(0));
        return rows;
    }
}
