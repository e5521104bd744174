using Monitoring.Server.Security;

namespace Monitoring.Server.Tests;

public class BearerTokensTests
{
    [Theory]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.e30.c2ln", true)]             // signed (JWS): header.payload.signature
    [InlineData("a.b.c.d.e", true)]                                   // encrypted (JWE): five parts
    [InlineData("operator-3f2c9a", false)]                            // an operator key
    [InlineData("dev-001:secret", false)]                             // a device credential
    [InlineData("a.b", false)]
    [InlineData("a.b.c.d", false)]
    [InlineData("a..c", false)]                                       // an empty part
    [InlineData(".b.c", false)]
    [InlineData("a.b.", false)]
    [InlineData("", false)]
    public void A_jwt_is_told_by_its_three_or_five_non_empty_parts(string token, bool isJwt) =>
        Assert.Equal(isJwt, BearerTokens.IsJwt(token));
}
