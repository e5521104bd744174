namespace Monitoring.Wfdb;

/// <summary>WFDB annotation codes (ecgcodes.h) and their mnemonics.</summary>
public static class AnnotationCode
{
    public const int NotQrs = 0;
    public const int Normal = 1;        // N
    public const int Lbbb = 2;          // L
    public const int Rbbb = 3;          // R
    public const int Aberrant = 4;      // a
    public const int Pvc = 5;           // V
    public const int Fusion = 6;        // F
    public const int Npc = 7;           // J
    public const int Apc = 8;           // A
    public const int Svpb = 9;          // S
    public const int Vesc = 10;         // E
    public const int Nesc = 11;         // j
    public const int Pace = 12;         // /
    public const int Unknown = 13;      // Q
    public const int Noise = 14;        // ~
    public const int Arfct = 16;        // |
    public const int Stch = 18;         // s
    public const int Tch = 19;          // T
    public const int Systole = 20;      // *
    public const int Diastole = 21;     // D
    public const int Note = 22;         // "
    public const int Measure = 23;      // =
    public const int PWave = 24;        // p
    public const int Bbb = 25;          // B
    public const int Pacesp = 26;       // ^
    public const int TWave = 27;        // t
    public const int Rhythm = 28;       // +
    public const int UWave = 29;        // u
    public const int Learn = 30;        // ?
    public const int Flwav = 31;        // !
    public const int Vfon = 32;         // [
    public const int Vfoff = 33;        // ]
    public const int Aesc = 34;         // e
    public const int Svesc = 35;        // n
    public const int Link = 36;         // @
    public const int Napc = 37;         // x
    public const int Pfus = 38;         // f
    public const int WfOn = 39;         // (
    public const int WfOff = 40;        // )
    public const int RonT = 41;         // r
    public const int MaxCode = 49;

    private static readonly string[] Mnemonics =
    [
        " ", "N", "L", "R", "a", "V", "F", "J", "A", "S", "E", "j", "/", "Q", "~", "[15]", "|", "[17]", "s", "T",
        "*", "D", "\"", "=", "p", "B", "^", "t", "+", "u", "?", "!", "[", "]", "e", "n", "@", "x", "f", "(",
        ")", "r", "[42]", "[43]", "[44]", "[45]", "[46]", "[47]", "[48]", "[49]",
    ];

    /// <summary>The mnemonic WFDB tools print for a code ("N", "V", "+", ...).</summary>
    public static string ToMnemonic(int code) =>
        code >= 0 && code < Mnemonics.Length ? Mnemonics[code] : $"[{code}]";

    /// <summary>The code for a mnemonic, or -1 when the mnemonic is unknown.</summary>
    public static int FromMnemonic(string mnemonic) => Array.IndexOf(Mnemonics, mnemonic);

    /// <summary>True for codes that denote a QRS complex (WFDB isqrs): beats, not rhythm or signal notes.</summary>
    public static bool IsBeat(int code) => code switch
    {
        Normal or Lbbb or Rbbb or Aberrant or Pvc or Fusion or Npc or Apc or Svpb or Vesc or Nesc
            or Pace or Unknown or Aesc or Svesc or Pfus or RonT or Learn or Bbb => true,
        _ => false,
    };
}
