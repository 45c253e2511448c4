"""SMS length, hand-counted: GSM-7 (extension table counts 2) or UCS-2 (70)."""

from sms.encoding import GSM7, UCS2, fit_one_sms, plain, sms_length

LINK = "https://dt.example.org/s/abc2345"  # 32 characters


def test_french_accents_of_gsm7_keep_the_160_limit():
    # R-é-u-n-i-o-n (7) space (8) à (9) space (10) Cotonou (17) , (18) space (19) élève (24)
    length = sms_length("Réunion à Cotonou, élève")
    assert (length.encoding, length.units, length.limit) == (GSM7, 24, 160)
    assert sms_length("Ça").encoding == GSM7  # capital Ç is GSM-7


def test_circumflex_and_lowercase_cedilla_switch_to_ucs2():
    for word in ("Fête", "âge", "île", "côte", "sûr", "ça"):
        assert sms_length(word).encoding == UCS2, word
    length = sms_length("Coût: 5€ [réf]")  # 14 characters, û forces UCS-2
    assert (length.encoding, length.units, length.limit) == (UCS2, 14, 70)


def test_extension_characters_count_two():
    # "Prix: 5€ [ref]" is 14 characters; € [ ] take two septets each: 17
    assert sms_length("Prix: 5€ [ref]").units == 17
    assert sms_length("a" * 160).fits
    assert not sms_length("a" * 159 + "€").fits
    assert sms_length("ê" * 70).fits and not sms_length("ê" * 71).fits
    assert sms_length("👍").units == 2  # outside the BMP: two UTF-16 units


def test_typography_is_made_plain_but_accents_stay():
    assert plain("«\u00a0Enquête\u00a0»\u00a0: l’été…") == '"Enquête" : l\'été...'


def test_french_last_day_hand_counted():
    text = fit_one_sms(
        lambda t: (
            f"District.Team\u00a0: dernier jour pour répondre à «\u00a0{t}\u00a0»\u00a0: {LINK}"
        ),
        "Ruptures de vaccins",
    )
    # District.Team (13) " :" (15) " dernier" (23) " jour" (28) " pour" (33)
    # " répondre" (42) " à" (44) ' "' (46) title 19 (65) '"' (66) " :" (68) " " (69)
    # link 32 (101)
    assert (
        text
        == f'District.Team : dernier jour pour répondre à "Ruptures de vaccins" : {LINK}'
    )
    assert (sms_length(text).encoding, sms_length(text).units) == (GSM7, 101)


def test_a_long_title_is_shortened_never_the_link():
    build = lambda t: f'District.Team: last day to answer "{t}": {LINK}'  # noqa: E731
    text = fit_one_sms(
        build, "Availability of vaccines in district health centres " * 3
    )
    assert text.endswith(f'...": {LINK}')
    assert sms_length(text).units == 160 or sms_length(text).units == 159


def test_an_accent_that_leaves_no_room_in_ucs2_is_dropped_from_the_title():
    # 35 + 3 + 32 = 70 characters without the title: no room left in UCS-2
    build = lambda t: f'District.Team: last day to answer "{t}": {LINK}'  # noqa: E731
    text = fit_one_sms(build, "Enquête sur les vaccins")
    assert (
        text == f'District.Team: last day to answer "Enquete sur les vaccins": {LINK}'
    )
    assert sms_length(text).encoding == GSM7


def test_accents_stay_when_the_ucs2_text_fits():
    text = fit_one_sms(lambda t: f'District.Team: "{t}": {LINK}', "Fête")
    assert text == f'District.Team: "Fête": {LINK}'
    assert (sms_length(text).encoding, sms_length(text).units) == (UCS2, 55)
