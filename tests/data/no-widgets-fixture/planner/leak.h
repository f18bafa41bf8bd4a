#pragma once
#include <QGraphicsScene>
