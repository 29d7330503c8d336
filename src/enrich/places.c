/*
 * places.c - place facts of the gazetteer (gazetteer.c) that the cities of
 * libgeonames lack: towns of fewer than 15,000 people that conflict news
 * names often (Kidal, Menaka, Tessalit in Mali; Vuhledar, Soledar in
 * Ukraine), cities libgeonames holds under another spelling only ("El
 * Fasher" for Al-Fashir, "Hodeidah" for Al Hudaydah, "Gaza City" for
 * Gaza, "Khan Younis" for Khan Yunis), and a few it lacks altogether (Wad
 * Madani). Facts written for dyad: the place's country (ISO 3166-1
 * alpha-3), first-level region (spelled as libgeonames spells the region
 * when it names it), coordinates in degrees (WGS84, the town centre, as
 * the GeoNames gazetteer and the national maps give it, to about 1 km) and
 * a population rounded from the last census or estimate, used only to
 * rank places of one name.
 *
 * A name is added only when the gazetteer does not already hold a place
 * (or a region, for a region) of that name in that country: the cities of
 * libgeonames and a --gazetteer dump keep their own records, and the
 * other names of a place lead to the record of the first.
 */
#include "gazetteer.h"

const struct gaz_place Dyad_gaz_places[] = {
    /* Mali: the north and centre */
    {"Kidal", "MLI", "Kidal", 18.4411f, 1.4078f, 26000, DYAD_GEO_PLACE},
    {"Ménaka|Menaka", "MLI", "Ménaka", 15.9156f, 2.4021f, 21000,
     DYAD_GEO_PLACE},
    {"Tessalit", "MLI", "Kidal", 20.1986f, 1.0111f, 6000, DYAD_GEO_PLACE},
    {"Aguelhok|Aguelhoc|Aguel'hoc", "MLI", "Kidal", 19.4617f, 0.8583f, 8000,
     DYAD_GEO_PLACE},
    {"Ansongo", "MLI", "Gao", 15.6597f, 0.5022f, 9000, DYAD_GEO_PLACE},
    {"Bourem", "MLI", "Gao", 16.9544f, -0.3497f, 12000, DYAD_GEO_PLACE},
    {"Douentza", "MLI", "Mopti", 14.9951f, -2.9517f, 13000, DYAD_GEO_PLACE},
    {"Timbuktu|Tombouctou", "MLI", "Tombouctou", 16.7735f, -3.0074f, 32000,
     DYAD_GEO_PLACE},
    /* Burkina Faso */
    {"Arbinda", "BFA", "Sahel Region", 14.2308f, -0.8686f, 10000,
     DYAD_GEO_PLACE},
    /* Sudan */
    {"Al-Fashir|El Fasher|El-Fasher|Al Fashir|Al-Fasher|El Fashir", "SDN",
     "Northern Darfur", 13.6279f, 25.3494f, 264000, DYAD_GEO_PLACE},
    {"Geneina|El Geneina|El-Geneina|Al-Junaynah|Al Junaynah", "SDN",
     "Western Darfur", 13.4526f, 22.4473f, 163000, DYAD_GEO_PLACE},
    {"Al-Ubayyid|El Obeid|El-Obeid|Al Ubayyid", "SDN", "North Kordofan",
     13.1842f, 30.2167f, 393000, DYAD_GEO_PLACE},
    {"Wad Madani|Wad Medani", "SDN", "Al Jazirah", 14.4012f, 33.5199f, 345000,
     DYAD_GEO_PLACE},
    {"Kadugli", "SDN", "South Kordofan", 11.0111f, 29.7183f, 87000,
     DYAD_GEO_PLACE},
    {"El Daein|Ed Daein|Ad Du'ayn", "SDN", "Eastern Darfur", 11.4619f, 26.1258f,
     265000, DYAD_GEO_PLACE},
    /* South Sudan, Ethiopia */
    {"Bentiu", "SSD", "Unity", 9.2333f, 29.8000f, 10000, DYAD_GEO_PLACE},
    {"Mek'ele|Mekelle|Mekele|Makelle", "ETH", "Tigray", 13.4967f, 39.4753f,
     216000, DYAD_GEO_PLACE},
    /* Yemen */
    {"Al Hudaydah|Hodeidah|Hodeida|Hudaydah|Al-Hudaydah", "YEM",
     "Al Hudaydah Governorate", 14.7978f, 42.9545f, 618000, DYAD_GEO_PLACE},
    /* Palestine: the Gaza Strip */
    {"Gaza Strip", "PSE", "", 31.42f, 34.37f, 2100000, DYAD_GEO_ADMIN1},
    {"Gaza|Gaza City", "PSE", "Gaza Strip", 31.5016f, 34.4667f, 590000,
     DYAD_GEO_PLACE},
    {"Khan Yunis|Khan Younis|Khan Yunus", "PSE", "Gaza Strip", 31.3402f,
     34.3063f, 205000, DYAD_GEO_PLACE},
    {"Deir el-Balah|Deir al-Balah|Dayr al-Balah", "PSE", "Gaza Strip", 31.4183f,
     34.3493f, 60000, DYAD_GEO_PLACE},
    {"Nuseirat", "PSE", "Gaza Strip", 31.4486f, 34.3925f, 85000,
     DYAD_GEO_PLACE},
    {"Beit Hanoun|Beit Hanun", "PSE", "Gaza Strip", 31.5354f, 34.5367f, 52000,
     DYAD_GEO_PLACE},
    {"Beit Lahia|Beit Lahiya", "PSE", "Gaza Strip", 31.5464f, 34.4951f, 57000,
     DYAD_GEO_PLACE},
    {"Jabalia|Jabaliya|Jabalya", "PSE", "Gaza Strip", 31.5272f, 34.4835f,
     169000, DYAD_GEO_PLACE},
    /* Ukraine: the east and south */
    {"Zaporizhzhia|Zaporizhzhya|Zaporizhia|Zaporozhye", "UKR",
     "Zaporizhzhya Oblast", 47.8517f, 35.1171f, 739000, DYAD_GEO_PLACE},
    {"Sievierodonetsk|Severodonetsk|Sieverodonetsk|Syeverodonetsk", "UKR",
     "Luhansk", 48.9483f, 38.4917f, 101000, DYAD_GEO_PLACE},
    {"Lisichansk|Lysychansk|Lysychans'k", "UKR", "Luhansk", 48.9042f, 38.4409f,
     95000, DYAD_GEO_PLACE},
    {"Vuhledar|Ugledar", "UKR", "Donetsk Oblast", 47.7792f, 37.2486f, 14000,
     DYAD_GEO_PLACE},
    {"Soledar", "UKR", "Donetsk Oblast", 48.6833f, 38.0833f, 10000,
     DYAD_GEO_PLACE},
    {"Marinka|Maryinka", "UKR", "Donetsk Oblast", 47.9442f, 37.5033f, 9000,
     DYAD_GEO_PLACE},
    {"Chasiv Yar", "UKR", "Donetsk Oblast", 48.5867f, 37.8350f, 12000,
     DYAD_GEO_PLACE},
    {"Izyum|Izium", "UKR", "Kharkiv", 49.2070f, 37.2768f, 46000,
     DYAD_GEO_PLACE},
};

const size_t Dyad_gaz_nplaces =
    sizeof Dyad_gaz_places / sizeof Dyad_gaz_places[0];
