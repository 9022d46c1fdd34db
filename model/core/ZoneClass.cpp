// SPDX-License-Identifier: MIT
#include "ZoneClass.h"

#include <QCoreApplication>
#include <QHash>

namespace tt::zoneclass {

namespace {
struct ClassInfo {
    const char *key;
    const char *label;
    QRgb color;
    bool builtUp;
};

const ClassInfo kInfo[kZoneClassCount] = {
    {"agricultural", QT_TRANSLATE_NOOP("ZoneClass", "Agricultural"), 0xffc8d96f, false},
    {"residential", QT_TRANSLATE_NOOP("ZoneClass", "Residential"), 0xfff5d76e, true},
    {"commercial", QT_TRANSLATE_NOOP("ZoneClass", "Commercial"), 0xffe8736c, true},
    {"industrial", QT_TRANSLATE_NOOP("ZoneClass", "Industrial"), 0xffa58cc7, true},
    {"public_service", QT_TRANSLATE_NOOP("ZoneClass", "Public service"), 0xff6fa8dc, true},
    {"green", QT_TRANSLATE_NOOP("ZoneClass", "Green / park"), 0xff6abf69, true},
    {"water", QT_TRANSLATE_NOOP("ZoneClass", "Water"), 0xff4f9fd8, false},
    {"energy", QT_TRANSLATE_NOOP("ZoneClass", "Energy / utility"), 0xffe69138, true},
    {"road", QT_TRANSLATE_NOOP("ZoneClass", "Road"), 0xff9e9e9e, true},
};

QHash<QString, ZoneClass> makeSourceTable()
{
    QHash<QString, ZoneClass> t;
    for (int i = 0; i < kZoneClassCount; ++i)
        t.insert(QString::fromLatin1(kInfo[i].key), ZoneClass(i));
    const auto add = [&t](ZoneClass c, std::initializer_list<const char *> names) {
        for (const char *n : names)
            t.insert(QString::fromLatin1(n), c);
    };
    add(ZoneClass::Agricultural,
        {"farmland", "farm", "farmyard", "agriculture", "agricultural", "orchard", "vineyard", "meadow",
         "greenhouse_horticulture", "allotments", "paddy", "cropland", "plant_nursery", "aquaculture"});
    add(ZoneClass::Residential, {"residential", "housing", "living", "res"});
    add(ZoneClass::Commercial, {"commercial", "retail", "business", "mixed", "office", "com"});
    add(ZoneClass::Industrial, {"industrial", "industry", "logistics", "ind", "port"});
    add(ZoneClass::PublicService,
        {"public", "public_service", "education", "school", "hospital", "institutional", "civic",
         "religious", "healthcare", "community", "elderly_care"});
    add(ZoneClass::Green,
        {"green", "park", "grass", "forest", "wood", "recreation_ground", "village_green", "garden",
         "cemetery", "nature_reserve", "scrub", "heath", "green_space", "greenspace"});
    add(ZoneClass::Water, {"water", "river", "basin", "reservoir", "lake", "pond", "canal", "wetland"});
    add(ZoneClass::Energy, {"energy", "utility", "utilities", "power", "landfill", "infrastructure"});
    add(ZoneClass::Road, {"road", "roads", "highway", "street", "transport", "railway", "parking"});
    return t;
}
} // namespace

QString key(ZoneClass c)
{
    return QString::fromLatin1(kInfo[int(c)].key);
}

QString label(ZoneClass c)
{
    return QCoreApplication::translate("ZoneClass", kInfo[int(c)].label);
}

bool fromKey(const QString &k, ZoneClass *c)
{
    for (int i = 0; i < kZoneClassCount; ++i) {
        if (k == QLatin1String(kInfo[i].key)) {
            *c = ZoneClass(i);
            return true;
        }
    }
    return false;
}

bool fromSourceValue(const QString &value, ZoneClass *c)
{
    static const QHash<QString, ZoneClass> table = makeSourceTable();
    const auto it = table.constFind(value.trimmed().toLower());
    if (it == table.constEnd())
        return false;
    *c = it.value();
    return true;
}

QColor color(ZoneClass c)
{
    return QColor::fromRgba(kInfo[int(c)].color);
}

bool isBuiltUp(ZoneClass c)
{
    return kInfo[int(c)].builtUp;
}

QStringList allKeys()
{
    QStringList keys;
    for (int i = 0; i < kZoneClassCount; ++i)
        keys << QString::fromLatin1(kInfo[i].key);
    return keys;
}

} // namespace tt::zoneclass
