from scripts.check_translations import problems


def test_every_interface_string_has_a_french_translation():
    assert problems() == []
