"""The Entities panel groups aliases and sends the reader to a picked mention."""

from gui.core.entities.pipeline import Entity
from gui.entities.entities_model import GroupsModel, MentionsModel, build_groups, excerpt
from gui.entities.entities_panel import EntitiesPanel

BODY = "ISIS fighters advanced. The Islamic State said so. ISIL denies it. Reuters reported."


def mention(text, group, label="ORG"):
    start = BODY.index(text)
    return Entity(start, start + len(text), label, text, group)


ENTITIES = [
    mention("ISIS", "Islamic State"),
    mention("Islamic State", "Islamic State"),
    mention("ISIL", "Islamic State"),
    mention("Reuters", "Reuters", "OUTLET"),
]


def test_aliases_form_one_group_with_every_name():
    groups = build_groups(ENTITIES)
    assert [g.key for g in groups] == ["Islamic State", "Reuters"]
    assert len(groups[0].mentions) == 3
    assert set(groups[0].names) == {"ISIS", "ISIL", "Islamic State"}
    assert "said so. 【ISIL】 denies it." in excerpt(BODY, ENTITIES[2])


def test_models_pass_qt_model_tester(qtmodeltester):
    groups = GroupsModel()
    groups.set_groups(build_groups(ENTITIES))
    qtmodeltester.check(groups)
    mentions = MentionsModel()
    mentions.set_mentions(BODY, ENTITIES[:3])
    qtmodeltester.check(mentions)


def test_showing_a_group_lists_its_mentions_and_picking_one_asks_to_scroll(qtbot):
    panel = EntitiesPanel()
    qtbot.addWidget(panel)
    panel.set_entities(BODY, ENTITIES)
    panel.show_group("Islamic State")
    assert panel.mentions.rowCount() == 3
    assert "3 mentions of Islamic State" in panel.mention_title.text()
    with qtbot.waitSignal(panel.mention_requested) as asked:
        panel.mention_table.setCurrentIndex(panel.mentions.index(2, 1))
    isil = ENTITIES[2]
    assert asked.args == [isil.start, isil.end]


def test_filter_narrows_the_groups(qtbot):
    panel = EntitiesPanel()
    qtbot.addWidget(panel)
    panel.set_entities(BODY, ENTITIES)
    qtbot.keyClicks(panel.filter, "reu")
    assert panel.proxy.rowCount() == 1


def test_the_picked_group_stays_picked_when_the_entities_are_refreshed(qtbot):
    panel = EntitiesPanel()
    qtbot.addWidget(panel)
    panel.set_entities(BODY, ENTITIES)
    panel.show_group("Reuters")
    panel.set_entities(BODY, ENTITIES)
    assert panel.mentions.rowCount() == 1
    panel.set_entities("Another article.", [])
    assert panel.mentions.rowCount() == 0
