using System.Security.Cryptography;
using System.Text;

namespace DisclosureCases.Api;

/// <summary>
/// Partner keys: <c>dcp_</c>, eight characters that identify the key (stored as <see cref="ApiPartner.KeyPrefix"/>),
/// an underscore and 43 characters of secret (256 random bits, base64url). Only the key's SHA-256 is stored: a key has
/// enough entropy that a plain hash is safe, and checking it costs one hash per request.
/// </summary>
public static class ApiKeys
{
    public const string HeaderName = "X-Api-Key";
    public const int PrefixLength = 12; // "dcp_" + 8

    public static string New()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"dcp_{id}_{secret}";
    }

    public static string Prefix(string key) => key.Length >= PrefixLength ? key[..PrefixLength] : key;

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>True when <paramref name="key"/> hashes to <paramref name="storedHash"/>, compared in constant time.</summary>
    public static bool Matches(string key, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(storedHash));
}
